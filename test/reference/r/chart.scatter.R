# Fixtures for plugins/chart/chart.scatter: lm(y ~ x) per group, predict(interval = "confidence") at 80 points (geom_smooth(method = "lm")).
source("test/reference/r/_common.R")
case <- function(data, x, y, group = NULL) {
  d <- get(data); keep <- !is.na(d[[x]]) & !is.na(d[[y]]) & (if (is.null(group)) TRUE else !is.na(d[[group]]))
  dd <- data.frame(x = d[[x]][keep], y = d[[y]][keep])
  parts <- if (is.null(group)) list(All = dd) else split(dd, droplevels(factor(d[[group]][keep])))
  list(data = data, roles = c(list(x = x, y = y), if (!is.null(group)) list(group = group)), fits = lapply(names(parts), function(g) {
    s <- parts[[g]]; f <- lm(y ~ x, data = s); grid <- data.frame(x = seq(min(s$x), max(s$x), length.out = 80))
    p <- predict(f, grid, interval = "confidence")
    list(group = g, n = nrow(s), intercept = unname(coef(f)[1]), slope = unname(coef(f)[2]), sigma = summary(f)$sigma, x = grid$x, fit = unname(p[, 1]), conf_low = unname(p[, 2]), conf_high = unname(p[, 3])) }))
}
write_fixture(list(r_version = R.version.string, cases = list(case("mtcars", "wt", "mpg"), case("iris", "Sepal.Length", "Petal.Length", "Species"), case("airquality", "Temp", "Ozone"))), "chart.scatter")
