# Fixtures for plugins/method/correlate.partial. ppcor is not installed here, so the reference
# is ppcor::pcor.test's definition computed in base R: the correlation of the residuals of x and y
# regressed (lm) on the covariates (ranks of every variable for Spearman), t = r sqrt((n-2-gp)/(1-r^2)),
# p = 2 pt(-|t|, n-2-gp). When ppcor is installed it is used instead.
# Run from the repo root: Rscript test/reference/r/correlate.partial.R
source("test/reference/r/_common.R")

data_sets <- list(mtcars = mtcars, airquality = airquality, birthwt = MASS::birthwt, iris = iris)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

case <- function(data, x, y, covariates, method = "pearson") {
  v <- na.omit(data_sets[[data]][, c(x, y, covariates)])
  n <- nrow(v); gp <- length(covariates)
  if (requireNamespace("ppcor", quietly = TRUE)) {
    pt <- ppcor::pcor.test(v[[x]], v[[y]], v[, covariates, drop = FALSE], method = method)
    est <- pt$estimate; stat <- pt$statistic; p <- pt$p.value
  } else {
    if (method == "spearman") v[] <- lapply(v, rank)
    fz <- paste(sprintf("`%s`", covariates), collapse = " + ")
    rx <- resid(lm(as.formula(paste0("`", x, "` ~ ", fz)), data = v))
    ry <- resid(lm(as.formula(paste0("`", y, "` ~ ", fz)), data = v))
    est <- cor(rx, ry)
    stat <- est * sqrt((n - 2 - gp) / (1 - est^2))
    p <- 2 * pt(-abs(stat), n - 2 - gp)
  }
  zero <- if (method == "spearman") cor(rank(v[[x]]), rank(v[[y]])) else cor(v[[x]], v[[y]])
  list(data = data, roles = list(x = x, y = y, covariates = I(covariates)), options = list(method = method), n_used = n,
       tidy = list(estimate = est, statistic = stat, p_value = p, n = n, gp = gp, zero_order = zero, method = method))
}

cases <- list(
  case("mtcars", "mpg", "wt", "hp"),
  case("mtcars", "mpg", "hp", c("wt", "cyl")),
  case("mtcars", "mpg", "qsec", c("wt", "hp", "am"), method = "spearman"),
  case("airquality", "Ozone", "Temp", "Wind"),
  case("airquality", "Ozone", "Solar.R", c("Wind", "Temp"), method = "spearman"),
  case("birthwt", "bwt", "lwt", c("age", "smoke")),
  case("iris", "Sepal.Length", "Petal.Length", "Petal.Width")
)
write_fixture(list(r_version = R.version.string, cases = cases), "correlate.partial")
