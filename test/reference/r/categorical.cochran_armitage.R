# Fixtures for plugins/method/categorical.cochran_armitage: prop.trend.test(x, n, score).
# Run from the repo root: Rscript test/reference/r/categorical.cochran_armitage.R
source("test/reference/r/_common.R")

# esoph as one row per (age group, alcohol group, tobacco group, case status) with a count
e <- esoph
esoph_cases <- rbind(
  data.frame(agegp = as.character(e$agegp), alcgp = as.character(e$alcgp), tobgp = as.character(e$tobgp), status = "case", Freq = e$ncases),
  data.frame(agegp = as.character(e$agegp), alcgp = as.character(e$alcgp), tobgp = as.character(e$tobgp), status = "control", Freq = e$ncontrols)
)
write_data(esoph_cases, "esoph_cases")

rd <- function(name) read.csv(file.path("test/reference/data", paste0(name, ".csv")))
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }

case <- function(data, row, column, scores = "", weight = NULL, success = "") {
  d <- rd(data)
  ok <- !is.na(d[[row]]) & !is.na(d[[column]])
  if (!is.null(weight)) ok <- ok & !is.na(d[[weight]])
  d <- d[ok, ]
  y <- fct(d[[row]]); g <- fct(d[[column]])
  w <- if (is.null(weight)) rep(1, nrow(d)) else d[[weight]]
  if (success == "") success <- levels(y)[2]  # default: the second level in sorted order
  x <- tapply(w * (y == success), g, sum); n <- tapply(w, g, sum)
  keep <- n > 0  # groups without data are not part of the table
  x <- x[keep]; n <- n[keep]
  sc <- if (scores == "") seq_along(x) else as.numeric(strsplit(scores, ",")[[1]])
  tt <- prop.trend.test(x, n, sc)
  p <- sum(x) / sum(n)
  fit <- lm(freq ~ score, data = list(freq = x / n, score = sc), weights = n / p / (1 - p))
  roles <- list(row = row, column = column)
  if (!is.null(weight)) roles$weight <- weight
  list(
    data = data, roles = roles, options = list(scores = scores, success = success), n_used = nrow(d), success = success,
    tidy = list(statistic = unname(tt$statistic), df = unname(tt$parameter), p_value = tt$p.value, method = tt$method,
                estimate = unname(coef(fit)[2]), n = sum(n)),
    groups = list(group = I(names(x)), score = I(sc), x = I(unname(as.numeric(x))), n = I(unname(as.numeric(n))), proportion = I(unname(as.numeric(x / n))))
  )
}

cases <- list(
  case("birthwt", "low", "ftv"),
  case("mtcars", "am", "gear"),
  case("mtcars", "am", "gear", scores = "3,4,5"),
  case("infert", "case", "education", scores = "1,3,2"),
  case("esoph_cases", "status", "agegp", weight = "Freq", success = "case"),
  case("esoph_cases", "status", "alcgp", scores = "20, 140, 60, 100", weight = "Freq")
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.cochran_armitage")
