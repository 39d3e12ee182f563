# Fixtures for plugins/method/compare.anova_oneway: aov / oneway.test, eta squared, car::leveneTest.
# Run from the repo root: Rscript test/reference/r/compare.anova_oneway.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(car))

data_sets <- list(PlantGrowth = PlantGrowth, chickwts = chickwts, InsectSprays = InsectSprays, ToothGrowth = ToothGrowth, airquality = airquality)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

case <- function(data, outcome, group, var_equal = TRUE) {
  d <- data_sets[[data]]
  y <- d[[outcome]]; g <- d[[group]]
  ok <- !is.na(y) & !is.na(g); y <- y[ok]
  g <- factor(if (is.factor(g)) as.character(g[ok]) else g[ok])  # sorted levels, as the app reads the CSV
  fit <- aov(y ~ g)
  av <- summary(fit)[[1]]
  ow <- oneway.test(y ~ g, var.equal = var_equal)
  lev <- car::leveneTest(y ~ g)  # center = median (Brown-Forsythe)
  list(
    data = data, roles = list(outcome = outcome, group = group), options = list(var_equal = var_equal),
    n_used = length(y),
    tidy = list(statistic = unname(ow$statistic), df = unname(ow$parameter[1]), df_denom = unname(ow$parameter[2]), p_value = ow$p.value,
                method = ow$method),
    anova = list(
      list(term = group, df = av$Df[1], sumsq = av$`Sum Sq`[1], meansq = av$`Mean Sq`[1], statistic = av$`F value`[1], p_value = av$`Pr(>F)`[1]),
      list(term = "Residuals", df = av$Df[2], sumsq = av$`Sum Sq`[2], meansq = av$`Mean Sq`[2], statistic = NULL, p_value = NULL)),
    eta_squared = av$`Sum Sq`[1] / sum(av$`Sum Sq`),
    groups = lapply(levels(g), function(l) list(group = l, n = sum(g == l), mean = mean(y[g == l]), sd = sd(y[g == l]))),
    levene = list(statistic = lev$`F value`[1], df = lev$Df[1], df_denom = lev$Df[2], p_value = lev$`Pr(>F)`[1])
  )
}

cases <- list(
  case("PlantGrowth", "weight", "group"),
  case("PlantGrowth", "weight", "group", var_equal = FALSE),
  case("chickwts", "weight", "feed"),
  case("chickwts", "weight", "feed", var_equal = FALSE),
  case("InsectSprays", "count", "spray"),
  case("ToothGrowth", "len", "dose"),
  case("airquality", "Ozone", "Month", var_equal = FALSE)
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.anova_oneway")
