# Fixtures for plugins/method/correlate.matrix: cor.test for every pair, p.adjust across pairs.
# Run from the repo root: Rscript test/reference/r/correlate.matrix.R
source("test/reference/r/_common.R")

data_sets <- list(mtcars = mtcars, airquality = airquality, iris = iris, birthwt = MASS::birthwt)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

case <- function(data, variables, method = "pearson", adjust = "holm", use = "pairwise") {
  v <- data_sets[[data]][, variables]
  if (use == "complete") v <- na.omit(v)
  pairs <- t(combn(variables, 2))
  rows <- lapply(seq_len(nrow(pairs)), function(i) {
    x <- v[[pairs[i, 1]]]; y <- v[[pairs[i, 2]]]
    ct <- suppressWarnings(cor.test(x, y, method = method))
    list(var1 = pairs[i, 1], var2 = pairs[i, 2], estimate = unname(ct$estimate),
         n = sum(complete.cases(x, y)), p_value = ct$p.value)
  })
  padj <- p.adjust(sapply(rows, `[[`, "p_value"), method = adjust)
  for (i in seq_along(rows)) rows[[i]]$p_adjusted <- padj[i]
  list(data = data, roles = list(variables = I(variables)), options = list(method = method, adjust = adjust, use = use), rows = rows)
}

cases <- list(
  case("mtcars", c("mpg", "wt", "hp", "qsec")),
  case("mtcars", c("mpg", "wt", "hp", "qsec", "drat"), method = "spearman", adjust = "BH"),
  case("mtcars", c("mpg", "disp", "carb"), method = "kendall", adjust = "bonferroni"),
  case("airquality", c("Ozone", "Solar.R", "Wind", "Temp")),
  case("airquality", c("Ozone", "Solar.R", "Wind", "Temp"), use = "complete", adjust = "hommel"),
  case("airquality", c("Ozone", "Solar.R", "Wind"), method = "kendall", adjust = "none"),
  case("iris", c("Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width"), method = "spearman", adjust = "BY"),
  case("birthwt", c("age", "lwt", "bwt"), adjust = "hochberg")
)
write_fixture(list(r_version = R.version.string, cases = cases), "correlate.matrix")
