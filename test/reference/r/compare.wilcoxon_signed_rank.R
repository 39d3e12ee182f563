# Fixtures for plugins/method/compare.wilcoxon_signed_rank: wilcox.test(x, y, paired = TRUE, conf.int = TRUE)
# and the one-sample form wilcox.test(x, mu = mu, conf.int = TRUE).
# Run from the repo root: Rscript test/reference/r/compare.wilcoxon_signed_rank.R
source("test/reference/r/_common.R")
sleep_wide <- data.frame(ID = 1:10, extra1 = sleep$extra[sleep$group == 1], extra2 = sleep$extra[sleep$group == 2])
an <- MASS::anorexia; an$Treat <- as.character(an$Treat)
an_ft <- an[an$Treat == "FT", ]
data_sets <- list(sleep_wide = sleep_wide, anorexia = an, anorexia_FT = an_ft, mtcars = mtcars, airquality = airquality)
for (nm in c("sleep_wide", "anorexia", "anorexia_FT")) write_data(data_sets[[nm]], nm)

case <- function(data, x, y = NULL, alternative = "two.sided", mu = 0, exact = "auto", correct = TRUE,
                 conf_int = TRUE, conf_level = 0.95) {
  d <- data_sets[[data]]
  ex <- switch(exact, auto = NULL, true = TRUE, false = FALSE)
  xv <- d[[x]]
  if (!is.null(y)) {
    yv <- d[[y]]; ok <- !is.na(xv) & !is.na(yv); xv <- xv[ok]; yv <- yv[ok]
    w <- suppressWarnings(wilcox.test(xv, yv, paired = TRUE, alternative = alternative, mu = mu, exact = ex,
                                      correct = correct, conf.int = conf_int, conf.level = conf_level))
    dd <- xv - yv
  } else {
    xv <- xv[!is.na(xv)]
    w <- suppressWarnings(wilcox.test(xv, alternative = alternative, mu = mu, exact = ex,
                                      correct = correct, conf.int = conf_int, conf.level = conf_level))
    dd <- xv
  }
  list(
    data = data, roles = if (is.null(y)) list(x = x) else list(x = x, y = y),
    options = list(alternative = alternative, mu = mu, exact = exact, correct = correct, conf_int = conf_int, conf_level = conf_level),
    n_used = length(xv),
    tidy = list(statistic = unname(w$statistic), p_value = w$p.value,
                estimate = if (conf_int) unname(w$estimate) else NULL,
                conf_low = if (conf_int) num(w$conf.int[1]) else NULL,
                conf_high = if (conf_int) num(w$conf.int[2]) else NULL,
                method = w$method, alternative = alternative),
    achieved_conf_level = if (conf_int) attr(w$conf.int, "conf.level") else NULL,
    summary = list(n = length(dd), n_zero = sum(dd - mu == 0), median = median(dd))
  )
}

cases <- list(
  case("sleep_wide", "extra1", "extra2"),
  case("sleep_wide", "extra1", "extra2", alternative = "less", correct = FALSE, conf_level = 0.9),
  case("anorexia", "Postwt", "Prewt"),
  case("anorexia", "Postwt", "Prewt", alternative = "greater", mu = 1, exact = "false"),
  case("anorexia_FT", "Postwt", "Prewt"),
  case("anorexia_FT", "Postwt", "Prewt", alternative = "greater", conf_level = 0.99),
  case("anorexia_FT", "Postwt", "Prewt", exact = "false", correct = FALSE, conf_level = 0.9),
  case("mtcars", "mpg", mu = 20),
  case("airquality", "Ozone", mu = 30, alternative = "less")
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.wilcoxon_signed_rank")
