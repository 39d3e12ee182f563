# Fixtures for plugins/method/categorical.chisq_gof: chisq.test(x, p = p) on a one-way table.
# Run from the repo root: Rscript test/reference/r/categorical.chisq_gof.R
# The data are read from the committed CSVs (test/reference/data), so they match the app's input.
source("test/reference/r/_common.R")

rd <- function(name) read.csv(file.path("test/reference/data", paste0(name, ".csv")))
# factor() with the app's level order: numbers numerically, text by code point (C locale)
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }

case <- function(data, column, p = "", weight = NULL) {
  d <- rd(data)
  ok <- !is.na(d[[column]])
  if (!is.null(weight)) ok <- ok & !is.na(d[[weight]])
  d <- d[ok, ]
  f <- fct(d[[column]])
  tab <- if (is.null(weight)) table(f) else xtabs(d[[weight]] ~ f)
  x <- as.numeric(tab)
  pr <- if (p == "") rep(1 / length(x), length(x)) else as.numeric(strsplit(p, ",")[[1]])
  ct <- suppressWarnings(chisq.test(x, p = pr))
  roles <- list(column = column)
  if (!is.null(weight)) roles$weight <- weight
  list(
    data = data, roles = roles, options = list(p = p), n_used = nrow(d), levels = I(levels(f)),
    tidy = list(statistic = unname(ct$statistic), df = unname(ct$parameter), p_value = ct$p.value, method = ct$method, n = sum(x)),
    observed = I(unname(as.numeric(ct$observed))), expected = I(unname(ct$expected)), p = I(pr),
    residuals = I(unname(as.numeric(ct$residuals))), stdres = I(unname(as.numeric(ct$stdres)))
  )
}

cases <- list(
  case("mtcars", "cyl"),
  case("mtcars", "gear", p = "0.5, 0.3, 0.2"),
  case("chickwts", "feed"),
  case("UCBAdmissions", "Dept", weight = "Freq"),
  case("UCBAdmissions", "Dept", p = "0.2,0.15,0.2,0.15,0.15,0.15", weight = "Freq"),
  case("birthwt", "race", p = "0.5,0.25,0.25")
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.chisq_gof")
