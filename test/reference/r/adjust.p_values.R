# Fixtures for plugins/method/adjust.p_values: p.adjust(p, method) for every method.
# Data: (1) p-values of Welch t-tests of each mtcars variable by am (with one NA appended to
# check that NAs stay NA and do not count); (2) the p.adjust help-page example
# (set.seed(123); x <- rnorm(50, mean = c(rep(0, 25), rep(3, 25))); p <- 2 * pnorm(sort(-abs(x))));
# (3) per-variable Shapiro-Wilk p-values of iris by species (ties-free, 12 values).
# Run from the repo root: Rscript test/reference/r/adjust.p_values.R
source("test/reference/r/_common.R")

vars <- setdiff(names(mtcars), "am")
p_mtcars <- c(sapply(vars, function(v) t.test(mtcars[[v]] ~ mtcars$am)$p.value), NA)
d1 <- data.frame(test = c(paste(vars, "by am"), "missing"), p = unname(p_mtcars))
set.seed(123)
x <- rnorm(50, mean = c(rep(0, 25), rep(3, 25)))
d2 <- data.frame(p = 2 * pnorm(sort(-abs(x))))
d3 <- do.call(rbind, lapply(levels(iris$Species), function(s) data.frame(
  test = paste(names(iris)[1:4], s), p = sapply(1:4, function(j) shapiro.test(iris[iris$Species == s, j])$p.value))))
# a p-value of exactly 1 and duplicated values: ties must get equal adjusted values
d3 <- rbind(d3, data.frame(test = c("one", "dup1", "dup2"), p = c(1, d3$p[2], d3$p[2])))
write_data(d1, "pvalues_mtcars_am")
write_data(d2, "pvalues_padjust_example")
write_data(d3, "pvalues_iris_shapiro")

methods <- c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "fdr", "none")
cases <- list()
for (nm in c("pvalues_mtcars_am", "pvalues_padjust_example", "pvalues_iris_shapiro")) {
  d <- read.csv(file.path("test/reference/data", paste0(nm, ".csv")))
  for (m in methods) {
    cases[[length(cases) + 1]] <- list(data = nm, roles = list(variables = I("p")), options = list(method = m),
      rows = lapply(seq_len(nrow(d)), function(i) list(row = i, p_value = d$p[i], p_adjusted = p.adjust(d$p, m)[i])))
  }
}
write_fixture(list(r_version = R.version.string, cases = cases), "adjust.p_values")
