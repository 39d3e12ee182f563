# Fixtures for plugins/chart/chart.bar_error: group means, SD, SE and t.test 95% CI.
source("test/reference/r/_common.R")
case <- function(data, y, group) {
  d <- get(data); keep <- !is.na(d[[y]]) & !is.na(d[[group]])
  parts <- split(d[[y]][keep], droplevels(factor(d[[group]][keep])))
  list(data = data, roles = list(y = y, group = group), rows = lapply(names(parts), function(g) { v <- parts[[g]]; ci <- t.test(v)$conf.int
    list(group = g, n = length(v), mean = mean(v), sd = sd(v), se = sd(v) / sqrt(length(v)), conf_low = ci[1], conf_high = ci[2]) }))
}
write_fixture(list(r_version = R.version.string, cases = list(case("ToothGrowth", "len", "dose"), case("iris", "Petal.Width", "Species"), case("airquality", "Ozone", "Month"))), "chart.bar_error")
