# Fixtures for plugins/method/compare.posthoc_tukey: TukeyHSD(aov(y ~ g)).
# Run from the repo root: Rscript test/reference/r/compare.posthoc_tukey.R
source("test/reference/r/_common.R")

data_sets <- list(PlantGrowth = PlantGrowth, chickwts = chickwts, InsectSprays = InsectSprays, ToothGrowth = ToothGrowth, airquality = airquality)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

case <- function(data, outcome, group, conf_level = 0.95) {
  d <- data_sets[[data]]
  y <- d[[outcome]]; g <- d[[group]]
  ok <- !is.na(y) & !is.na(g); y <- y[ok]
  g <- factor(if (is.factor(g)) as.character(g[ok]) else g[ok])
  fit <- aov(y ~ g)
  tk <- TukeyHSD(fit, conf.level = conf_level)$g
  list(
    data = data, roles = list(outcome = outcome, group = group), options = list(conf_level = conf_level),
    n_used = length(y), df_residual = fit$df.residual, mse = sum(residuals(fit)^2) / fit$df.residual,
    posthoc = lapply(seq_len(nrow(tk)), function(i) list(contrast = rownames(tk)[i], estimate = tk[i, "diff"],
      conf_low = tk[i, "lwr"], conf_high = tk[i, "upr"], p_adjusted = tk[i, "p adj"]))
  )
}

cases <- list(
  case("PlantGrowth", "weight", "group"),
  case("chickwts", "weight", "feed"),
  case("InsectSprays", "count", "spray", conf_level = 0.99),
  case("ToothGrowth", "len", "dose", conf_level = 0.9),
  case("airquality", "Ozone", "Month")
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.posthoc_tukey")
