# Fixtures for plugins/method/categorical.prop_test: prop.test(x, n) with x the count of the success
# level of `row` (by default the second level) in each group of `column`.
# Run from the repo root: Rscript test/reference/r/categorical.prop_test.R
source("test/reference/r/_common.R")
ucb <- as.data.frame(UCBAdmissions)
data_sets <- list(mtcars = mtcars, birthwt = MASS::birthwt, UCBAdmissions = ucb, infert = infert)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }

case <- function(data, row, column = NULL, weight = NULL, success = "", p = 0.5, alternative = "two.sided", conf_level = 0.95, correct = TRUE) {
  d <- data_sets[[data]]
  ok <- !is.na(d[[row]]); if (!is.null(column)) ok <- ok & !is.na(d[[column]])
  d <- d[ok, ]
  f <- fct(d[[row]])
  w <- if (is.null(weight)) rep(1, nrow(d)) else d[[weight]]
  s <- if (success == "") levels(f)[2] else success
  if (is.null(column)) {
    x <- sum(w[f == s]); n <- sum(w)
    pt <- suppressWarnings(prop.test(x, n, p = p, alternative = alternative, conf.level = conf_level, correct = correct))
    groups <- list(list(group = NULL, x = x, n = n))
  } else {
    g <- fct(d[[column]])
    x <- as.numeric(tapply(w * (f == s), g, sum)); n <- as.numeric(tapply(w, g, sum))
    pt <- suppressWarnings(prop.test(x, n, alternative = alternative, conf.level = conf_level, correct = correct))
    groups <- lapply(seq_along(x), function(i) list(group = levels(g)[i], x = x[i], n = n[i], estimate = x[i] / n[i]))
  }
  roles <- list(row = row); if (!is.null(column)) roles$column <- column; if (!is.null(weight)) roles$weight <- weight
  td <- list(statistic = unname(pt$statistic), df = unname(pt$parameter), p_value = pt$p.value, method = pt$method, alternative = pt$alternative)
  if (!is.null(pt$conf.int)) { td$conf_low <- pt$conf.int[1]; td$conf_high <- pt$conf.int[2] }
  if (length(x) == 1) td$estimate <- unname(pt$estimate)
  if (length(x) == 2) { td$estimate1 <- unname(pt$estimate[1]); td$estimate2 <- unname(pt$estimate[2]); td$estimate <- td$estimate1 - td$estimate2 }
  list(data = data, roles = roles, options = list(success = success, p = p, alternative = alternative, conf_level = conf_level, correct = correct),
       n_used = nrow(d), tidy = td, groups = groups)
}
cases <- list(
  case("birthwt", "low"),
  case("birthwt", "low", p = 0.25, alternative = "greater", correct = FALSE),
  case("birthwt", "low", "smoke"),
  case("birthwt", "low", "smoke", alternative = "less", conf_level = 0.9, correct = FALSE),
  case("birthwt", "low", "race"),
  case("mtcars", "am", "vs"),
  case("mtcars", "am", "cyl", correct = FALSE),
  case("infert", "case", "induced"),
  case("UCBAdmissions", "Admit", "Gender", weight = "Freq", success = "Admitted"),
  case("UCBAdmissions", "Admit", "Dept", weight = "Freq", success = "Admitted")
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.prop_test")
