# Fixtures for plugins/method/describe.normality: shapiro.test and the Lilliefors test.
# nortest is not installed here, so lillie.test is nortest's published formula (Dallal &
# Wilkinson p-value, Stephens' modified statistic above 0.1), written out below.
# Run from the repo root: Rscript test/reference/r/describe.normality.R
source("test/reference/r/_common.R")

lillie <- function(x) {
  if (requireNamespace("nortest", quietly = TRUE)) { t <- nortest::lillie.test(x); return(c(unname(t$statistic), t$p.value)) }
  x <- sort(x); n <- length(x)
  p <- pnorm((x - mean(x)) / sd(x))
  K <- max(max(seq_len(n) / n - p), max(p - (seq_len(n) - 1) / n))
  if (n <= 100) { Kd <- K; nd <- n } else { Kd <- K * ((n / 100)^0.49); nd <- 100 }
  pv <- exp(-7.01256 * Kd^2 * (nd + 2.78019) + 2.99587 * Kd * sqrt(nd + 2.78019) - 0.122119 + 0.974598 / sqrt(nd) + 1.67997 / nd)
  if (pv > 0.1) {
    KK <- (sqrt(n) - 0.01 + 0.85 / sqrt(n)) * K
    pv <- if (KK <= 0.302) 1
    else if (KK <= 0.5) 2.76773 - 19.828315 * KK + 80.709644 * KK^2 - 138.55152 * KK^3 + 81.218052 * KK^4
    else if (KK <= 0.9) -4.901232 + 40.662806 * KK - 97.490286 * KK^2 + 94.029866 * KK^3 - 32.355711 * KK^4
    else if (KK <= 1.31) 6.198765 - 19.558097 * KK + 23.186922 * KK^2 - 12.234627 * KK^3 + 2.423045 * KK^4
    else 0
  }
  c(K, pv)
}

data_sets <- list(iris = iris, airquality = airquality, mtcars = mtcars, birthwt = MASS::birthwt)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

rows_for <- function(x, variable, group = NULL) {
  x <- x[!is.na(x)]; n <- length(x)
  sw <- if (n >= 3 && n <= 5000 && diff(range(x)) > 0) shapiro.test(x) else NULL
  li <- if (n >= 5 && sd(x) > 0) lillie(x) else NULL
  base <- list(variable = variable, n = n)
  if (!is.null(group)) base$group <- group
  list(c(base, list(method = "Shapiro-Wilk normality test", statistic = if (is.null(sw)) NULL else unname(sw$statistic), p_value = if (is.null(sw)) NULL else sw$p.value)),
       c(base, list(method = "Lilliefors (Kolmogorov-Smirnov) normality test", statistic = if (is.null(li)) NULL else li[1], p_value = if (is.null(li)) NULL else li[2])))
}

case <- function(data, variables, group = NULL) {
  d <- data_sets[[data]]
  rows <- list()
  for (v in variables) {
    if (is.null(group)) rows <- c(rows, rows_for(d[[v]], v))
    else {
      g <- factor(d[[group]])
      for (lv in levels(g)) rows <- c(rows, rows_for(d[[v]][!is.na(g) & g == lv], v, lv))
    }
  }
  roles <- list(variables = I(variables))
  if (!is.null(group)) roles$group <- group
  list(data = data, roles = roles, rows = rows)
}

cases <- list(
  case("iris", c("Sepal.Length", "Sepal.Width", "Petal.Length")),
  case("iris", c("Sepal.Length", "Petal.Width"), "Species"),
  case("airquality", c("Ozone", "Solar.R", "Wind", "Temp")),
  case("mtcars", c("mpg", "hp", "qsec"), "am"),
  case("mtcars", c("carb"), "gear"),
  case("birthwt", c("bwt", "age", "lwt"))
)
write_fixture(list(r_version = R.version.string, cases = cases), "describe.normality")
