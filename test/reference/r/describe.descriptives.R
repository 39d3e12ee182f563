# Fixtures for plugins/method/describe.descriptives: per-variable (and per-group) summaries.
# Skewness and kurtosis are e1071 type 2 (the SAS/SPSS G1 and G2), computed here by formula.
# Run from the repo root: Rscript test/reference/r/describe.descriptives.R
source("test/reference/r/_common.R")

data_sets <- list(mtcars = mtcars, iris = iris, airquality = airquality)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

G1 <- function(x) { n <- length(x); if (n < 3) return(NULL); m <- mean(x); m2 <- mean((x - m)^2)
  if (m2 == 0) return(NULL); g1 <- mean((x - m)^3) / m2^1.5; g1 * sqrt(n * (n - 1)) / (n - 2) }
G2 <- function(x) { n <- length(x); if (n < 4) return(NULL); m <- mean(x); m2 <- mean((x - m)^2)
  if (m2 == 0) return(NULL); g2 <- mean((x - m)^4) / m2^2 - 3; ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3)) }

summ <- function(x0, variable, group = NULL) {
  x <- x0[!is.na(x0)]; n <- length(x)
  q <- if (n > 0) unname(quantile(x, c(0.25, 0.75), type = 7)) else c(NA, NA)
  row <- list(variable = variable)
  if (!is.null(group)) row$group <- group
  c(row, list(n = n, missing = sum(is.na(x0)),
    mean = if (n > 0) mean(x) else NULL, sd = if (n > 1) sd(x) else NULL,
    median = if (n > 0) median(x) else NULL, q1 = num(q[1]), q3 = num(q[2]), iqr = if (n > 0) IQR(x) else NULL,
    min = if (n > 0) min(x) else NULL, max = if (n > 0) max(x) else NULL,
    skewness = G1(x), kurtosis = G2(x), se_mean = if (n > 1) sd(x) / sqrt(n) else NULL))
}

case <- function(data, variables, group = NULL) {
  d <- data_sets[[data]]
  rows <- list()
  if (is.null(group)) {
    for (v in variables) rows[[length(rows) + 1]] <- summ(d[[v]], v)
  } else {
    g <- d[[group]]
    lv <- sort(unique(g[!is.na(g)]))
    if (is.factor(g)) lv <- levels(droplevels(g))
    for (v in variables) for (l in lv) {
      rows[[length(rows) + 1]] <- summ(d[[v]][!is.na(g) & g == l], v, as.character(l))
    }
  }
  list(data = data, roles = c(list(variables = I(variables)), if (!is.null(group)) list(group = group)), rows = rows)
}

cases <- list(
  case("mtcars", c("mpg", "hp", "wt")),
  case("mtcars", c("mpg", "qsec"), "cyl"),
  case("mtcars", c("mpg"), "carb"),            # groups of size 1 (carb 6, 8): undefined sd, skewness, kurtosis
  case("iris", c("Sepal.Length", "Petal.Width"), "Species"),
  case("airquality", c("Ozone", "Solar.R", "Wind")),  # per-variable missing counts
  case("airquality", c("Ozone", "Temp"), "Month")
)
write_fixture(list(r_version = R.version.string, check_e1071 = e1071::skewness(mtcars$mpg, type = 2) - G1(mtcars$mpg),
                   cases = cases), "describe.descriptives")
