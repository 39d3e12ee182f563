# Fixtures for plugins/method/survival.cox: coxph(Surv(time, event) ~ covariates + strata(s), ties),
# broom::tidy / broom::glance, cox.zph(transform = "km").
# Run from the repo root: Rscript test/reference/r/survival.cox.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages({ library(survival); library(broom) })

data_sets <- list(lung = survival::lung, veteran = survival::veteran)
# factors as text, so their levels sort as the app sorts them (R would keep the factor order)
for (nm in names(data_sets)) data_sets[[nm]][] <- lapply(data_sets[[nm]], function(x) if (is.factor(x)) as.character(x) else x)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

case <- function(data, time, event, covariates, strata = NULL, ties = "efron", conf_level = 0.95) {
  d <- data_sets[[data]]
  cols <- c(time, event, covariates, strata)
  d <- d[complete.cases(d[, cols]), cols, drop = FALSE]
  rhs <- paste(c(sapply(covariates, function(v) if (make.names(v) == v) v else paste0("`", v, "`")),
                 if (!is.null(strata)) sprintf("strata(%s)", strata)), collapse = " + ")
  fit <- coxph(as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, rhs)), data = d, ties = ties)
  td <- broom::tidy(fit, conf.int = TRUE, conf.level = conf_level)
  tde <- broom::tidy(fit, conf.int = TRUE, conf.level = conf_level, exponentiate = TRUE)
  gl <- broom::glance(fit)
  zph <- cox.zph(fit, transform = "km")
  zt <- zph$table
  list(data = data, roles = c(list(time = time, event = event, covariates = I(covariates)), if (!is.null(strata)) list(strata = strata)),
       options = list(ties = ties, conf_level = conf_level),
       n_used = nrow(d), iter = fit$iter,
       tidy = lapply(seq_len(nrow(td)), function(i) list(
         term = td$term[i], estimate = td$estimate[i], std_error = td$std.error[i], statistic = td$statistic[i],
         p_value = td$p.value[i], conf_low = td$conf.low[i], conf_high = td$conf.high[i],
         exp_estimate = tde$estimate[i], exp_conf_low = tde$conf.low[i], exp_conf_high = tde$conf.high[i])),
       glance = list(nobs = gl$n, n_event = gl$nevent, log_lik = gl$logLik, aic = gl$AIC, bic = gl$BIC,
                     statistic_log = gl$statistic.log, p_value_log = gl$p.value.log,
                     statistic_wald = unname(fit$wald.test),  # broom shows it rounded to 2 decimals p_value_wald = gl$p.value.wald,
                     statistic_sc = gl$statistic.sc, p_value_sc = gl$p.value.sc,
                     concordance = gl$concordance, std_error_concordance = gl$std.error.concordance),
       loglik_null = fit$loglik[1],
       zph = lapply(seq_len(nrow(zt)), function(i) list(term = rownames(zt)[i], statistic = zt[i, "chisq"], df = zt[i, "df"], p_value = zt[i, "p"])))
}

cases <- list(
  case("lung", "time", "status", c("age", "sex", "ph.ecog")),
  case("lung", "time", "status", c("age", "sex", "ph.ecog"), ties = "breslow", conf_level = 0.9),
  case("lung", "time", "status", c("age", "ph.ecog", "wt.loss"), strata = "sex"),
  case("veteran", "time", "status", c("trt", "celltype", "karno", "age")),
  case("veteran", "time", "status", c("karno", "diagtime"), strata = "celltype", ties = "breslow", conf_level = 0.99)
)
write_fixture(list(r_version = R.version.string, survival = as.character(packageVersion("survival")), cases = cases), "survival.cox")
