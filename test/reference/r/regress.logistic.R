# Fixtures for plugins/method/regress.logistic: glm(family = binomial) on data read back from
# the CSVs the plugin tests use (text columns as factors with levels in code-point order, as
# the app sorts them), with broom-style tidy/glance, confint.default (Wald) intervals, the
# likelihood-ratio test against the null model, the Hosmer-Lemeshow test and pROC's AUC.
# Run from the repo root: Rscript test/reference/r/regress.logistic.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages({ library(MASS); library(pROC) })

# ResourceSelection is not installed here: hoslem.test() reproduced from its source
# (ResourceSelection 0.3-5), line for line; df = g - 2 even when ties merge groups.
hoslem <- function(x, y, g = 10) {
  yhat <- y; y <- x
  qq <- unique(quantile(yhat, probs = seq(0, 1, 1/g)))
  cutyhat <- cut(yhat, breaks = qq, include.lowest = TRUE)
  observed <- xtabs(cbind(y0 = 1 - y, y1 = y) ~ cutyhat)
  expected <- xtabs(cbind(yhat0 = 1 - yhat, yhat1 = yhat) ~ cutyhat)
  chisq <- sum((observed - expected)^2 / expected)
  list(statistic = chisq, df = g - 2, p_value = 1 - pchisq(chisq, g - 2),
       groups = nrow(observed))
}

# data sets: birthwt with race as text and smoke as TRUE/FALSE; infert with a collinear column
bw <- MASS::birthwt
birthwt_factors <- data.frame(low = bw$low, age = bw$age, lwt = bw$lwt,
  race = c("white", "black", "other")[bw$race], smoke = bw$smoke == 1, ptl = bw$ptl, ht = bw$ht, ui = bw$ui, ftv = bw$ftv)
# infert.csv is R's infert as is (shared with other fixtures); infert_abortions adds a column
# that is exactly induced + spontaneous, to test an aliased (collinear) term.
infert_ab <- infert
infert_ab$abortions <- infert_ab$induced + infert_ab$spontaneous
pima <- MASS::Pima.tr
pima$type <- as.character(pima$type)
data_sets <- list(birthwt_factors = birthwt_factors, infert = infert, infert_abortions = infert_ab, Pima.tr = pima)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)
existing <- c("mtcars", "birthwt")

read_back <- function(name) {
  d <- read.csv(file.path("test/reference/data", paste0(name, ".csv")), check.names = FALSE, stringsAsFactors = FALSE)
  for (v in names(d)) if (is.character(d[[v]])) d[[v]] <- factor(d[[v]], levels = sort(unique(d[[v]]), method = "radix"))
  d
}

case <- function(data, outcome, covariates, conf_level = 0.95, event_value = "") {
  d <- read_back(data)
  d <- d[complete.cases(d[, c(outcome, covariates)]), , drop = FALSE]
  yy <- d[[outcome]]
  lv <- if (is.logical(yy)) c("FALSE", "TRUE") else as.character(sort(unique(yy), method = "radix"))
  if (is.numeric(yy)) lv <- as.character(sort(unique(yy)))
  ev <- if (event_value == "") lv[2] else event_value
  d$.y <- as.integer(as.character(yy) == ev)
  f <- reformulate(sprintf("`%s`", covariates), response = ".y")
  warns <- character()
  fit <- withCallingHandlers(glm(f, family = binomial, data = d),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  cf <- coef(fit)
  sm <- coef(summary(fit))
  z <- qnorm(1 - (1 - conf_level) / 2)
  tidy <- lapply(names(cf), function(t) {
    if (is.na(cf[[t]])) return(list(term = t, estimate = NULL, std_error = NULL, statistic = NULL, p_value = NULL,
      conf_low = NULL, conf_high = NULL, exp_estimate = NULL, exp_conf_low = NULL, exp_conf_high = NULL))
    est <- sm[t, 1]; se <- sm[t, 2]
    list(term = t, estimate = est, std_error = se, statistic = sm[t, 3], p_value = sm[t, 4],
         conf_low = est - z * se, conf_high = est + z * se,
         exp_estimate = exp(est), exp_conf_low = exp(est - z * se), exp_conf_high = exp(est + z * se))
  })
  # confint.default agrees with the Wald interval above
  ci <- confint.default(fit, level = conf_level)
  stopifnot(isTRUE(all.equal(unname(ci[!is.na(cf), 1]), sapply(Filter(function(r) !is.null(r$estimate), tidy), `[[`, "conf_low"))))
  lr <- fit$null.deviance - fit$deviance
  lrdf <- fit$df.null - fit$df.residual
  hl <- hoslem(fit$y, fitted(fit), g = 10)
  a <- as.numeric(pROC::auc(pROC::roc(d$.y, fitted(fit), quiet = TRUE, direction = "<", levels = c(0, 1))))
  list(
    data = data, roles = list(outcome = outcome, covariates = I(covariates)),
    options = list(conf_level = conf_level, event_value = event_value),
    event = ev, n_used = nrow(d),
    tidy = tidy,
    glance = list(null_deviance = fit$null.deviance, df_null = fit$df.null, log_lik = as.numeric(logLik(fit)),
      aic = AIC(fit), bic = BIC(fit), deviance = fit$deviance, df_residual = fit$df.residual, nobs = nobs(fit),
      statistic = lr, df = lrdf, p_value = pchisq(lr, lrdf, lower.tail = FALSE)),
    hoslem = list(statistic = hl$statistic, df = hl$df, p_value = hl$p_value),
    auc = a, iter = fit$iter, converged = fit$converged, warnings = I(warns)
  )
}

cases <- list(
  case("birthwt", "low", c("age", "lwt", "smoke")),
  case("birthwt_factors", "low", c("age", "lwt", "race", "smoke", "ht", "ui"), conf_level = 0.9),
  case("infert", "case", c("age", "parity", "education", "spontaneous", "induced")),
  case("infert_abortions", "case", c("age", "spontaneous", "induced", "abortions")),
  case("Pima.tr", "type", c("npreg", "glu", "bmi", "ped", "age")),
  case("Pima.tr", "type", c("glu", "bmi"), event_value = "No", conf_level = 0.99),
  case("mtcars", "vs", c("mpg", "wt")),
  case("mtcars", "am", c("hp", "wt"))
)
write_fixture(list(r_version = R.version.string, cases = cases), "regress.logistic")
