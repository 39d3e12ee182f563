# Fixtures for plugins/chart/chart.box: boxplot.stats per group and density() (gaussian, bw.nrd0, n = 512).
source("test/reference/r/_common.R")
case <- function(data, y, group = NULL) {
  d <- get(data); keep <- !is.na(d[[y]]) & (if (is.null(group)) TRUE else !is.na(d[[group]]))
  yy <- d[[y]][keep]
  parts <- if (is.null(group)) list(All = yy) else split(yy, droplevels(factor(d[[group]][keep])))
  list(data = data, roles = c(list(y = y), if (!is.null(group)) list(group = group)),
       box = lapply(names(parts), function(g) { b <- boxplot.stats(parts[[g]]); c(list(group = g, n = b$n[1]), setNames(as.list(b$stats), c("lower", "q1", "median", "q3", "upper")), list(n_out = length(b$out))) }),
       density = lapply(names(parts), function(g) { k <- density(parts[[g]]); list(group = g, bw = k$bw, x = k$x, y = k$y) }))
}
write_fixture(list(r_version = R.version.string, cases = list(case("iris", "Sepal.Width", "Species"), case("mtcars", "mpg"), case("airquality", "Ozone", "Month"), case("faithful", "eruptions"))), "chart.box")
