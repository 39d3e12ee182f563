# Fixtures for plugins/method/categorical.binomial_test: binom.test(sum(x == success), n, p).
# Run from the repo root: Rscript test/reference/r/categorical.binomial_test.R
source("test/reference/r/_common.R")
ucb <- as.data.frame(UCBAdmissions)
data_sets <- list(mtcars = mtcars, birthwt = MASS::birthwt, UCBAdmissions = ucb, infert = infert)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }

case <- function(data, column, weight = NULL, success = "", p = 0.5, alternative = "two.sided", conf_level = 0.95) {
  d <- data_sets[[data]]
  d <- d[!is.na(d[[column]]), ]
  f <- fct(d[[column]])
  w <- if (is.null(weight)) rep(1, nrow(d)) else d[[weight]]
  s <- if (success == "") levels(f)[2] else success
  x <- sum(w[f == s]); n <- sum(w)
  bt <- binom.test(x, n, p = p, alternative = alternative, conf.level = conf_level)
  roles <- list(column = column); if (!is.null(weight)) roles$weight <- weight
  list(data = data, roles = roles, options = list(success = success, p = p, alternative = alternative, conf_level = conf_level),
       n_used = nrow(d), success_level = s,
       tidy = list(estimate = unname(bt$estimate), statistic = unname(bt$statistic), parameter = unname(bt$parameter),
                   p_value = bt$p.value, conf_low = bt$conf.int[1], conf_high = bt$conf.int[2], method = bt$method, alternative = bt$alternative))
}
cases <- list(
  case("mtcars", "am"),
  case("mtcars", "am", p = 0.3, alternative = "greater", conf_level = 0.9),
  case("mtcars", "vs", success = "0", alternative = "less"),
  case("birthwt", "low"),
  case("birthwt", "low", p = 0.25),
  case("birthwt", "smoke", p = 0.6, conf_level = 0.99),
  case("infert", "case", p = 1/3),
  case("UCBAdmissions", "Admit", weight = "Freq", p = 0.6),
  case("UCBAdmissions", "Admit", weight = "Freq", success = "Admitted", p = 0.4, alternative = "greater")
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.binomial_test")
