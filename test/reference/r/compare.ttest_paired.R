# Fixtures for plugins/method/compare.ttest_paired: t.test(x, y, paired = TRUE, mu, alternative, conf.level)
# and shapiro.test(x - y) for the normality check of the differences.
# Run from the repo root: Rscript test/reference/r/compare.ttest_paired.R
source("test/reference/r/_common.R")
sleep_wide <- data.frame(ID = 1:10, extra1 = sleep$extra[sleep$group == 1], extra2 = sleep$extra[sleep$group == 2])
an <- MASS::anorexia; an$Treat <- as.character(an$Treat)
an_ft <- an[an$Treat == "FT", ]
data_sets <- list(sleep_wide = sleep_wide, anorexia = an, anorexia_FT = an_ft, iris = iris)
# sleep_wide, anorexia, anorexia_FT and iris CSVs already exist in test/reference/data (same content)

case <- function(data, x, y, mu = 0, alternative = "two.sided", conf_level = 0.95) {
  d <- data_sets[[data]]
  xv <- d[[x]]; yv <- d[[y]]; ok <- !is.na(xv) & !is.na(yv); xv <- xv[ok]; yv <- yv[ok]
  t <- t.test(xv, yv, paired = TRUE, mu = mu, alternative = alternative, conf.level = conf_level)
  dd <- xv - yv
  sw <- shapiro.test(dd)
  list(
    data = data, roles = list(x = x, y = y),
    options = list(mu = mu, alternative = alternative, conf_level = conf_level),
    n_used = length(xv),
    tidy = list(estimate = unname(t$estimate), statistic = unname(t$statistic), df = unname(t$parameter),
                p_value = t$p.value, conf_low = num(t$conf.int[1]), conf_high = num(t$conf.int[2]),
                method = t$method, alternative = alternative),
    summary = list(
      list(variable = x, n = length(xv), mean = mean(xv), sd = sd(xv)),
      list(variable = y, n = length(yv), mean = mean(yv), sd = sd(yv)),
      list(variable = paste(x, "-", y), n = length(dd), mean = mean(dd), sd = sd(dd))
    ),
    cor = cor(xv, yv),
    shapiro = list(statistic = unname(sw$statistic), p_value = sw$p.value)
  )
}

cases <- list(
  case("sleep_wide", "extra1", "extra2"),
  case("sleep_wide", "extra2", "extra1", alternative = "greater", conf_level = 0.9),
  case("anorexia", "Postwt", "Prewt"),
  case("anorexia", "Postwt", "Prewt", mu = 1, alternative = "greater"),
  case("anorexia_FT", "Postwt", "Prewt", conf_level = 0.99),
  case("anorexia_FT", "Postwt", "Prewt", mu = 5, alternative = "less"),
  case("iris", "Sepal.Length", "Petal.Length", mu = 2)
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.ttest_paired")
