# Fixtures for plugins/method/compare.ancova: car::Anova(lm(y ~ group + covariates), type = "II"),
# adjusted (estimated marginal) means at the covariate means, computed by formula as emmeans does
# (emmeans is not installed here): predictions on the reference grid with the covariates at their
# means, SE from the coefficient covariance, t intervals on the residual df; homogeneity of slopes
# as anova(lm(y ~ group + covs), lm(y ~ group + covs + group:cov for each cov)).
# Run from the repo root: Rscript test/reference/r/compare.ancova.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages({ library(car); library(broom) })

bw <- MASS::birthwt
bw$race <- factor(bw$race, labels = c("white", "black", "other"))
bw$smoke <- bw$smoke == 1
data_sets <- list(anorexia = MASS::anorexia, iris = iris, mtcars = mtcars, birthwt_f = bw)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

case <- function(data, outcome, group, covariates) {
  d <- data_sets[[data]]
  d <- d[complete.cases(d[, c(outcome, group, covariates)]), ]
  d[[group]] <- factor(if (is.numeric(d[[group]])) d[[group]] else as.character(d[[group]]))
  f <- reformulate(c(group, covariates), response = outcome)
  fit <- lm(f, data = d)
  av <- car::Anova(fit, type = "II")
  res <- av["Residuals", "Sum Sq"]
  anova_rows <- lapply(seq_len(nrow(av)), function(i) {
    t <- rownames(av)[i]
    list(term = t, df = av$Df[i], sumsq = av$`Sum Sq`[i], meansq = av$`Sum Sq`[i] / av$Df[i], statistic = num(av$`F value`[i]),
         p_value = num(av$`Pr(>F)`[i]), partial_eta_squared = if (t == "Residuals") NULL else av$`Sum Sq`[i] / (av$`Sum Sq`[i] + res))
  })
  lv <- levels(d[[group]])
  grid <- data.frame(g = factor(lv, levels = lv)); names(grid) <- group
  for (v in covariates) grid[[v]] <- mean(d[[v]])
  X0 <- model.matrix(delete.response(terms(fit)), grid)
  est <- drop(X0 %*% coef(fit)); se <- sqrt(diag(X0 %*% vcov(fit) %*% t(X0)))
  q <- qt(0.975, fit$df.residual)
  fit_int <- lm(reformulate(c(group, covariates, paste0(group, ":", covariates)), response = outcome), data = d)
  hs <- anova(fit, fit_int)
  td <- as.data.frame(broom::tidy(fit, conf.int = TRUE)); names(td) <- gsub(".", "_", names(td), fixed = TRUE)
  list(data = data, roles = list(outcome = outcome, group = group, covariates = I(covariates)), options = setNames(list(), character(0)),
       n_used = nrow(d), anova = anova_rows,
       adjusted_means = lapply(seq_along(lv), function(i) list(group = lv[i], estimate = est[[i]], std_error = se[[i]], conf_low = est[[i]] - q * se[[i]], conf_high = est[[i]] + q * se[[i]])),
       tidy = lapply(seq_len(nrow(td)), function(i) as.list(td[i, ])),
       slopes = list(statistic = hs$F[2], df = hs$Df[2], df_denom = hs$Res.Df[2], p_value = hs$`Pr(>F)`[2]))
}

cases <- list(
  case("anorexia", "Postwt", "Treat", "Prewt"),
  case("iris", "Sepal.Length", "Species", "Sepal.Width"),
  case("mtcars", "mpg", "am", c("wt", "hp")),
  case("birthwt_f", "bwt", "race", c("lwt", "age"))
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.ancova")
