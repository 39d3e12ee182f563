# Fixtures for plugins/method/categorical.chisq_independence: chisq.test(table(row, column)).
# Run from the repo root: Rscript test/reference/r/categorical.chisq_independence.R
source("test/reference/r/_common.R")

ucb <- as.data.frame(UCBAdmissions)
data_sets <- list(mtcars = mtcars, birthwt = MASS::birthwt, UCBAdmissions = ucb, infert = infert)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

# factor() with the app's level order: numbers numerically, text by code point (C locale)
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }
mat <- function(m) lapply(seq_len(nrow(m)), function(i) unname(as.numeric(m[i, ])))

case <- function(data, row, column, weight = NULL, correct = TRUE) {
  d <- data_sets[[data]]
  ok <- !is.na(d[[row]]) & !is.na(d[[column]])
  if (!is.null(weight)) ok <- ok & !is.na(d[[weight]])
  d <- d[ok, ]
  r <- fct(d[[row]]); cc <- fct(d[[column]])
  tab <- if (is.null(weight)) table(r, cc) else xtabs(d[[weight]] ~ r + cc)
  ct <- suppressWarnings(chisq.test(tab, correct = correct))
  un <- suppressWarnings(chisq.test(tab, correct = FALSE))
  n <- sum(tab)
  roles <- list(row = row, column = column)
  if (!is.null(weight)) roles$weight <- weight
  list(
    data = data, roles = roles, options = list(correct = correct), n_used = nrow(d),
    row_levels = I(levels(r)), col_levels = I(levels(cc)),
    tidy = list(statistic = unname(ct$statistic), df = unname(ct$parameter), p_value = ct$p.value, method = ct$method,
                cramers_v = unname(sqrt(un$statistic / (n * (min(dim(tab)) - 1)))), n = n),
    observed = mat(ct$observed), expected = mat(ct$expected), stdres = mat(ct$stdres)
  )
}

cases <- list(
  case("mtcars", "cyl", "gear"),
  case("mtcars", "am", "vs"),
  case("mtcars", "am", "vs", correct = FALSE),
  case("birthwt", "race", "smoke"),
  case("birthwt", "low", "smoke"),
  case("UCBAdmissions", "Admit", "Gender", weight = "Freq"),
  case("UCBAdmissions", "Admit", "Dept", weight = "Freq"),
  case("infert", "education", "induced")
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.chisq_independence")
