# Fixtures for plugins/method/regress.poisson: glm(family = poisson) on data read back from the
# CSVs the plugin tests use (text columns as factors with levels in code-point order, as the
# app sorts them); the optional exposure role enters as offset(log(exposure)).
# Run from the repo root: Rscript test/reference/r/regress.poisson.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(MASS))

ins <- MASS::Insurance
insurance <- data.frame(District = as.integer(as.character(ins$District)), Group = as.character(ins$Group),
                        Age = as.character(ins$Age), Holders = ins$Holders, Claims = ins$Claims)
data_sets <- list(warpbreaks = warpbreaks, InsectSprays = InsectSprays, Insurance = insurance)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

read_back <- function(name) {
  d <- read.csv(file.path("test/reference/data", paste0(name, ".csv")), check.names = FALSE, stringsAsFactors = FALSE)
  for (v in names(d)) if (is.character(d[[v]])) d[[v]] <- factor(d[[v]], levels = sort(unique(d[[v]]), method = "radix"))
  d
}

case <- function(data, outcome, covariates, exposure = NULL, conf_level = 0.95) {
  d <- read_back(data)
  d <- d[complete.cases(d[, c(outcome, covariates, exposure)]), , drop = FALSE]
  rhs <- sprintf("`%s`", covariates)
  if (!is.null(exposure)) rhs <- c(rhs, sprintf("offset(log(`%s`))", exposure))
  f <- reformulate(rhs, response = sprintf("`%s`", outcome))
  fit <- glm(f, family = poisson, data = d)
  cf <- coef(fit)
  sm <- coef(summary(fit))
  z <- qnorm(1 - (1 - conf_level) / 2)
  tidy <- lapply(names(cf), function(t) {
    est <- sm[t, 1]; se <- sm[t, 2]
    list(term = t, estimate = est, std_error = se, statistic = sm[t, 3], p_value = sm[t, 4],
         conf_low = est - z * se, conf_high = est + z * se,
         exp_estimate = exp(est), exp_conf_low = exp(est - z * se), exp_conf_high = exp(est + z * se))
  })
  ci <- confint.default(fit, level = conf_level)
  stopifnot(isTRUE(all.equal(unname(ci[, 1]), sapply(tidy, `[[`, "conf_low"))))
  lr <- fit$null.deviance - fit$deviance
  lrdf <- fit$df.null - fit$df.residual
  pearson <- sum(residuals(fit, type = "pearson")^2)
  roles <- list(outcome = outcome, covariates = I(covariates))
  if (!is.null(exposure)) roles$exposure <- exposure
  list(
    data = data, roles = roles, options = list(conf_level = conf_level), n_used = nrow(d),
    tidy = tidy,
    glance = list(null_deviance = fit$null.deviance, df_null = fit$df.null, log_lik = as.numeric(logLik(fit)),
      aic = AIC(fit), bic = BIC(fit), deviance = fit$deviance, df_residual = fit$df.residual, nobs = nobs(fit),
      statistic = lr, df = lrdf, p_value = pchisq(lr, lrdf, lower.tail = FALSE)),
    dispersion = list(pearson_chisq = pearson, ratio = pearson / fit$df.residual),
    iter = fit$iter, converged = fit$converged
  )
}

cases <- list(
  case("warpbreaks", "breaks", c("wool", "tension")),
  case("warpbreaks", "breaks", c("tension"), conf_level = 0.9),
  case("InsectSprays", "count", c("spray")),
  case("Insurance", "Claims", c("District", "Group", "Age"), exposure = "Holders"),
  case("Insurance", "Claims", c("Age"), exposure = "Holders", conf_level = 0.99),
  case("mtcars", "carb", c("hp", "wt", "am"))
)
write_fixture(list(r_version = R.version.string, cases = cases), "regress.poisson")
