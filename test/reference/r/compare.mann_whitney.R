# Fixtures for plugins/method/compare.mann_whitney: wilcox.test(y ~ g, conf.int = TRUE).
# Run from the repo root: Rscript test/reference/r/compare.mann_whitney.R
source("test/reference/r/_common.R")
cw <- chickwts[chickwts$feed %in% c("casein", "horsebean"), ]; cw$feed <- as.character(cw$feed)
data_sets <- list(sleep = sleep, ToothGrowth = ToothGrowth, mtcars = mtcars, chickwts_casein_horsebean = cw)
for (nm in c("chickwts_casein_horsebean")) write_data(data_sets[[nm]], nm)

case <- function(data, outcome, group, alternative = "two.sided", mu = 0, exact = "auto", correct = TRUE,
                 conf_int = TRUE, conf_level = 0.95) {
  d <- data_sets[[data]]
  y <- d[[outcome]]; g <- factor(d[[group]])
  ok <- !is.na(y) & !is.na(g); y <- y[ok]; g <- droplevels(g[ok])
  ex <- switch(exact, auto = NULL, true = TRUE, false = FALSE)
  w <- suppressWarnings(wilcox.test(y ~ g, alternative = alternative, mu = mu, exact = ex, correct = correct,
                                    conf.int = conf_int, conf.level = conf_level))
  lv <- levels(g)
  list(
    data = data, roles = list(outcome = outcome, group = group),
    options = list(alternative = alternative, mu = mu, exact = exact, correct = correct, conf_int = conf_int, conf_level = conf_level),
    n_used = length(y),
    tidy = list(statistic = unname(w$statistic), p_value = w$p.value,
                estimate = if (conf_int) unname(w$estimate) else NULL,
                conf_low = if (conf_int) num(w$conf.int[1]) else NULL,
                conf_high = if (conf_int) num(w$conf.int[2]) else NULL,
                method = w$method, alternative = alternative),
    achieved_conf_level = if (conf_int) attr(w$conf.int, "conf.level") else NULL,
    groups = lapply(lv, function(l) list(group = l, n = sum(g == l), median = median(y[g == l])))
  )
}

cases <- list(
  case("sleep", "extra", "group"),
  case("sleep", "extra", "group", correct = FALSE, alternative = "less", conf_level = 0.9),
  case("ToothGrowth", "len", "supp"),
  case("ToothGrowth", "len", "supp", alternative = "greater", mu = 1),
  case("mtcars", "mpg", "am", conf_level = 0.99),
  case("chickwts_casein_horsebean", "weight", "feed"),
  case("chickwts_casein_horsebean", "weight", "feed", alternative = "greater", mu = 100, conf_level = 0.9),
  case("chickwts_casein_horsebean", "weight", "feed", exact = "false", correct = FALSE)
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.mann_whitney")
