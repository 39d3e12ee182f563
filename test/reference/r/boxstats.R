# Fixture for src/core/stats/boxstats.ts: R's boxplot.stats (Tukey's five-number summary,
# whiskers at the most extreme values within 1.5 IQR of the hinges, outliers beyond).
# Run from the repo root: Rscript test/reference/r/boxstats.R
source("test/reference/r/_common.R")
cases <- list()
add <- function(label, x) {
  x <- x[!is.na(x)]
  b <- boxplot.stats(x)
  cases[[length(cases) + 1]] <<- list(label = label, x = I(x), stats = I(b$stats), n = b$n, out = I(sort(b$out)))
}
add("mtcars$mpg", mtcars$mpg)
add("mtcars$hp", mtcars$hp)
add("airquality$Ozone", airquality$Ozone)
add("ToothGrowth$len[supp=VC]", ToothGrowth$len[ToothGrowth$supp == "VC"])
add("precip", unname(precip))
add("n=1", 3.5)
add("n=2", c(1, 10))
add("n=4", c(4, 1, 3, 2))
write_fixture(list(r_version = R.version.string, cases = cases), "boxstats")
