# Fixtures for plugins/chart/chart.histogram: R's hist(x, plot = FALSE) breaks, counts, density, mids.
# Grouped: breaks from the whole variable, then hist(x[group == level], breaks = those breaks).
# Run from the repo root: Rscript test/reference/r/chart.histogram.R
source("test/reference/r/_common.R")

data_sets <- list(mtcars = mtcars, iris = iris, airquality = airquality, faithful = faithful)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

bins_rows <- function(h, group = NULL) {
  lapply(seq_along(h$counts), function(i) {
    r <- list(bin_start = h$breaks[i], bin_end = h$breaks[i + 1], count = h$counts[i], density = h$density[i], mid = h$mids[i])
    if (!is.null(group)) r <- c(list(group = group), r)
    r
  })
}

case <- function(data, x, bins = 0, group = NULL) {
  d <- data_sets[[data]]
  keep <- !is.na(d[[x]]) & (if (is.null(group)) TRUE else !is.na(d[[group]]))
  xx <- d[[x]][keep]
  h <- if (bins > 0) hist(xx, breaks = bins, plot = FALSE) else hist(xx, plot = FALSE)
  rows <- if (is.null(group)) bins_rows(h) else {
    g <- d[[group]][keep]
    lv <- if (is.factor(g)) levels(droplevels(g)) else as.character(sort(unique(g)))
    do.call(c, lapply(lv, function(l) bins_rows(hist(xx[as.character(g) == l], breaks = h$breaks, plot = FALSE), l)))
  }
  list(data = data, roles = c(list(x = x), if (!is.null(group)) list(group = group)), options = list(bins = bins),
       n_used = length(xx), breaks = h$breaks, rows = rows)
}

cases <- list(
  case("mtcars", "mpg"),
  case("mtcars", "hp", bins = 3),
  case("iris", "Sepal.Length"),
  case("iris", "Sepal.Length", bins = 20),
  case("iris", "Petal.Length", group = "Species"),
  case("airquality", "Ozone"),
  case("airquality", "Temp", bins = 7, group = "Month"),
  case("faithful", "eruptions"),
  case("faithful", "waiting", bins = 12)
)
write_fixture(list(r_version = R.version.string, cases = cases), "chart.histogram")
