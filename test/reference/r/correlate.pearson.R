# Fixtures for plugins/method/correlate.{pearson,spearman,kendall}: broom::tidy(cor.test(x, y, ...)).
# Run from the repo root: Rscript test/reference/r/correlate.pearson.R  (writes all three fixtures)
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(broom))

data_sets <- list(mtcars = mtcars, iris = iris, airquality = airquality, women = women, BOD = BOD,
                  LifeCycleSavings = LifeCycleSavings, birthwt = MASS::birthwt)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

cor_case <- function(method, data, x, y, alternative = "two.sided", conf_level = 0.95, exact = "auto", continuity = FALSE) {
  d <- data_sets[[data]]
  ok <- complete.cases(d[[x]], d[[y]])
  xv <- d[[x]][ok]; yv <- d[[y]][ok]
  ex <- switch(exact, auto = NULL, true = TRUE, false = FALSE)
  ct <- suppressWarnings(if (method == "pearson")
    cor.test(xv, yv, method = method, alternative = alternative, conf.level = conf_level)
  else cor.test(xv, yv, method = method, alternative = alternative, exact = ex, continuity = continuity))
  td <- list(estimate = unname(ct$estimate), statistic = unname(ct$statistic), p_value = ct$p.value,
             method = ct$method, alternative = ct$alternative)
  options <- list(alternative = alternative)
  if (method == "pearson") {
    td$df <- unname(ct$parameter)
    td$conf_low <- if (is.null(ct$conf.int)) NULL else ct$conf.int[1]
    td$conf_high <- if (is.null(ct$conf.int)) NULL else ct$conf.int[2]
    options$conf_level <- conf_level
  } else {
    options$exact <- exact
    options$continuity <- continuity
  }
  list(data = data, roles = list(x = x, y = y), options = options, n_used = length(xv),
       statistic_name = names(ct$statistic), tidy = td)
}

pearson <- list(
  cor_case("pearson", "mtcars", "mpg", "wt"),
  cor_case("pearson", "mtcars", "hp", "qsec", alternative = "less", conf_level = 0.9),
  cor_case("pearson", "iris", "Sepal.Length", "Petal.Length", alternative = "greater", conf_level = 0.99),
  cor_case("pearson", "airquality", "Ozone", "Temp"),
  cor_case("pearson", "birthwt", "age", "bwt"),
  cor_case("pearson", "BOD", "Time", "demand", conf_level = 0.8)
)
spearman <- list(
  cor_case("spearman", "mtcars", "mpg", "wt"),
  cor_case("spearman", "mtcars", "mpg", "wt", exact = "false", continuity = TRUE, alternative = "less"),
  cor_case("spearman", "BOD", "Time", "demand"),
  cor_case("spearman", "BOD", "Time", "demand", alternative = "greater"),
  cor_case("spearman", "women", "height", "weight"),
  cor_case("spearman", "LifeCycleSavings", "pop15", "dpi"),
  cor_case("spearman", "LifeCycleSavings", "pop15", "dpi", exact = "false"),
  cor_case("spearman", "LifeCycleSavings", "sr", "ddpi", alternative = "greater"),
  cor_case("spearman", "airquality", "Ozone", "Solar.R", exact = "true"),
  cor_case("spearman", "iris", "Sepal.Width", "Petal.Width")
)
kendall <- list(
  cor_case("kendall", "mtcars", "mpg", "wt"),
  cor_case("kendall", "mtcars", "mpg", "wt", continuity = TRUE, alternative = "less"),
  cor_case("kendall", "BOD", "Time", "demand"),
  cor_case("kendall", "BOD", "Time", "demand", alternative = "greater"),
  cor_case("kendall", "women", "height", "weight"),
  cor_case("kendall", "LifeCycleSavings", "pop15", "dpi"),
  cor_case("kendall", "LifeCycleSavings", "pop15", "dpi", exact = "true"),
  cor_case("kendall", "LifeCycleSavings", "pop15", "dpi", exact = "true", alternative = "less"),
  cor_case("kendall", "airquality", "Ozone", "Solar.R", exact = "true"),
  cor_case("kendall", "iris", "Sepal.Width", "Petal.Width", continuity = TRUE)
)
write_fixture(list(r_version = R.version.string, cases = pearson), "correlate.pearson")
write_fixture(list(r_version = R.version.string, cases = spearman), "correlate.spearman")
write_fixture(list(r_version = R.version.string, cases = kendall), "correlate.kendall")
