# Fixtures for plugins/method/compare.levene: car::leveneTest(y ~ g, center = median | mean).
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(car))
data_sets <- list(PlantGrowth = PlantGrowth, InsectSprays = InsectSprays, chickwts = chickwts, airquality = airquality, ToothGrowth = ToothGrowth)
case <- function(data, outcome, group, center = "median") {
  d <- data_sets[[data]]; y <- d[[outcome]]; g <- factor(d[[group]])
  ok <- !is.na(y) & !is.na(g); y <- y[ok]; g <- droplevels(g[ok])
  lt <- leveneTest(y ~ g, center = if (center == "median") median else mean)
  list(data = data, roles = list(outcome = outcome, group = group), options = list(center = center), n_used = length(y),
       tidy = list(statistic = lt[1, "F value"], df = lt[1, "Df"], df_denom = lt[2, "Df"], p_value = lt[1, "Pr(>F)"]),
       groups = lapply(levels(g), function(l) list(group = l, n = sum(g == l), sd = sd(y[g == l]))))
}
cases <- list(case("PlantGrowth", "weight", "group"), case("PlantGrowth", "weight", "group", "mean"),
              case("InsectSprays", "count", "spray"), case("InsectSprays", "count", "spray", "mean"),
              case("chickwts", "weight", "feed"), case("airquality", "Ozone", "Month"), case("ToothGrowth", "len", "supp", "mean"))
write_fixture(list(r_version = R.version.string, cases = cases), "compare.levene")
