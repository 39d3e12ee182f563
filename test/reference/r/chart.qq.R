# Fixtures for plugins/chart/chart.qq: qqnorm points (sorted) and qqline coefficients.
source("test/reference/r/_common.R")
qql <- function(y) { yq <- quantile(y, c(0.25, 0.75)); xq <- qnorm(c(0.25, 0.75)); sl <- diff(yq) / diff(xq); c(intercept = unname(yq[1] - sl * xq[1]), slope = unname(sl)) }
case <- function(data, y, group = NULL) {
  d <- get(data); keep <- !is.na(d[[y]]) & (if (is.null(group)) TRUE else !is.na(d[[group]]))
  parts <- if (is.null(group)) list(All = d[[y]][keep]) else split(d[[y]][keep], droplevels(factor(d[[group]][keep])))
  list(data = data, roles = c(list(y = y), if (!is.null(group)) list(group = group)), series = lapply(names(parts), function(g) {
    v <- parts[[g]]; q <- qqnorm(v, plot.it = FALSE); o <- order(q$y); l <- qql(v)
    list(group = g, n = length(v), intercept = l[["intercept"]], slope = l[["slope"]], theoretical = q$x[o], sample = q$y[o]) }))
}
write_fixture(list(r_version = R.version.string, cases = list(case("sleep", "extra", "group"), case("mtcars", "mpg"), case("faithful", "waiting"), case("PlantGrowth", "weight", "group"))), "chart.qq")
