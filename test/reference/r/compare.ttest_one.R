# Fixtures for plugins/method/compare.ttest_one: t.test(x, mu = mu, alternative, conf.level)
# and shapiro.test(x) for the normality check.
# Run from the repo root: Rscript test/reference/r/compare.ttest_one.R
source("test/reference/r/_common.R")
data_sets <- list(mtcars = mtcars, ToothGrowth = ToothGrowth, airquality = airquality,
                  birthwt = MASS::birthwt, sleep = sleep)
# all these CSVs already exist in test/reference/data (written by other fixture scripts)

case <- function(data, outcome, mu = 0, alternative = "two.sided", conf_level = 0.95) {
  x <- data_sets[[data]][[outcome]]
  x <- x[!is.na(x)]
  t <- t.test(x, mu = mu, alternative = alternative, conf.level = conf_level)
  sw <- shapiro.test(x)
  list(
    data = data, roles = list(outcome = outcome),
    options = list(mu = mu, alternative = alternative, conf_level = conf_level),
    n_used = length(x),
    tidy = list(estimate = unname(t$estimate), statistic = unname(t$statistic), df = unname(t$parameter),
                p_value = t$p.value, conf_low = num(t$conf.int[1]), conf_high = num(t$conf.int[2]),
                method = t$method, alternative = alternative),
    summary = list(n = length(x), mean = mean(x), sd = sd(x), se_mean = sd(x) / sqrt(length(x)), median = median(x)),
    shapiro = list(statistic = unname(sw$statistic), p_value = sw$p.value)
  )
}

cases <- list(
  case("mtcars", "mpg", mu = 20),
  case("ToothGrowth", "len", mu = 18, alternative = "greater", conf_level = 0.9),
  case("airquality", "Ozone", mu = 40, alternative = "less"),
  case("birthwt", "bwt", mu = 3000, conf_level = 0.99),
  case("sleep", "extra")
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.ttest_one")
