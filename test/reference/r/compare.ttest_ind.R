# Fixtures for plugins/method/compare.ttest_ind: broom::tidy(t.test(y ~ g)), group summaries, var.test.
# Run from the repo root: Rscript test/reference/r/compare.ttest_ind.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(broom))

data_sets <- list(sleep = sleep, ToothGrowth = ToothGrowth, mtcars = mtcars)
if (requireNamespace("MASS", quietly = TRUE)) data_sets$birthwt <- MASS::birthwt
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

case <- function(data, outcome, group, var_equal = FALSE, alternative = "two.sided", conf_level = 0.95, mu = 0) {
  d <- data_sets[[data]]
  y <- d[[outcome]]; g <- factor(d[[group]])
  ok <- !is.na(y) & !is.na(g); y <- y[ok]; g <- droplevels(g[ok])
  tt <- t.test(y ~ g, var.equal = var_equal, alternative = alternative, conf.level = conf_level, mu = mu)
  td <- as.list(broom::tidy(tt))
  names(td) <- gsub(".", "_", names(td), fixed = TRUE)
  names(td)[names(td) == "parameter"] <- "df"
  lv <- levels(g)
  vt <- var.test(y[g == lv[1]], y[g == lv[2]])
  list(
    data = data, roles = list(outcome = outcome, group = group),
    options = list(var_equal = var_equal, alternative = alternative, conf_level = conf_level, mu = mu),
    n_used = length(y),
    tidy = td,
    std_error = unname(tt$stderr),
    groups = lapply(lv, function(l) list(group = l, n = sum(g == l), mean = mean(y[g == l]), sd = sd(y[g == l]))),
    var_test = list(statistic = unname(vt$statistic), df = unname(vt$parameter[1]), df_denom = unname(vt$parameter[2]),
                    p_value = vt$p.value)
  )
}

cases <- list(
  case("sleep", "extra", "group"),
  case("sleep", "extra", "group", var_equal = TRUE),
  case("sleep", "extra", "group", alternative = "less", conf_level = 0.9),
  case("ToothGrowth", "len", "supp"),
  case("ToothGrowth", "len", "supp", alternative = "greater"),
  case("ToothGrowth", "len", "supp", var_equal = TRUE, mu = 2, conf_level = 0.99),
  case("mtcars", "mpg", "am"),
  case("mtcars", "mpg", "am", var_equal = TRUE, alternative = "less", mu = -5),
  case("mtcars", "wt", "vs", alternative = "greater", conf_level = 0.8)
)
if (!is.null(data_sets$birthwt)) {
  cases <- c(cases, list(case("birthwt", "bwt", "smoke"), case("birthwt", "bwt", "smoke", var_equal = TRUE, mu = 100)))
}
write_fixture(list(r_version = R.version.string, cases = cases), "compare.ttest_ind")
