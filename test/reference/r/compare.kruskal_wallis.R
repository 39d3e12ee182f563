# Fixtures for plugins/method/compare.kruskal_wallis: kruskal.test(y ~ g) and epsilon-squared
# E2 = H (n + 1) / (n^2 - 1) (Tomczak & Tomczak 2014; rcompanion::epsilonSquared), by formula.
source("test/reference/r/_common.R")
data_sets <- list(PlantGrowth = PlantGrowth, InsectSprays = InsectSprays, chickwts = chickwts, airquality = airquality, ToothGrowth = ToothGrowth)
for (nm in c("PlantGrowth", "InsectSprays", "chickwts")) write_data(data_sets[[nm]], nm)
case <- function(data, outcome, group) {
  d <- data_sets[[data]]; y <- d[[outcome]]; g <- factor(d[[group]])
  ok <- !is.na(y) & !is.na(g); y <- y[ok]; g <- droplevels(g[ok]); n <- length(y)
  k <- kruskal.test(y ~ g)
  H <- unname(k$statistic)
  r <- rank(y)
  list(data = data, roles = list(outcome = outcome, group = group), options = setNames(list(), character(0)), n_used = n,
       tidy = list(statistic = H, df = unname(k$parameter), p_value = k$p.value, epsilon_squared = H * (n + 1) / (n^2 - 1), method = k$method),
       groups = lapply(levels(g), function(l) list(group = l, n = sum(g == l), median = median(y[g == l]), mean_rank = mean(r[g == l]))))
}
cases <- list(case("PlantGrowth", "weight", "group"), case("InsectSprays", "count", "spray"), case("chickwts", "weight", "feed"),
              case("airquality", "Ozone", "Month"), case("ToothGrowth", "len", "supp"))
write_fixture(list(r_version = R.version.string, cases = cases), "compare.kruskal_wallis")
