# Fixtures for plugins/chart/chart.heatmap: cor(use = "complete.obs"), pearson and spearman.
source("test/reference/r/_common.R")
case <- function(data, vars, method) {
  d <- get(data)[, vars]; m <- cor(d, use = "complete.obs", method = method)
  rows <- list(); for (a in 1:(length(vars) - 1)) for (b in (a + 1):length(vars)) rows[[length(rows) + 1]] <- list(var1 = vars[a], var2 = vars[b], estimate = m[a, b])
  list(data = data, roles = list(variables = vars), options = list(method = method), n_used = sum(complete.cases(d)), rows = rows)
}
write_fixture(list(r_version = R.version.string, cases = list(case("mtcars", c("mpg", "wt", "hp", "qsec"), "pearson"), case("airquality", c("Ozone", "Solar.R", "Wind", "Temp"), "spearman"), case("iris", c("Sepal.Length", "Sepal.Width", "Petal.Length"), "pearson"))), "chart.heatmap")
