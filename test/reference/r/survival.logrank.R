# Fixtures for plugins/method/survival.logrank: survdiff(Surv(time, event) ~ group, rho).
# Run from the repo root: Rscript test/reference/r/survival.logrank.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(survival))

data_sets <- list(lung = survival::lung, veteran = survival::veteran)
# factors as text, so their levels sort as the app sorts them (R would keep the factor order)
for (nm in names(data_sets)) data_sets[[nm]][] <- lapply(data_sets[[nm]], function(x) if (is.factor(x)) as.character(x) else x)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

case <- function(data, time, event, group, rho = 0) {
  d <- data_sets[[data]]
  cols <- c(time, event, group)
  d <- d[complete.cases(d[, cols]), cols, drop = FALSE]
  fit <- survdiff(as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, group)), data = d, rho = rho)
  df <- length(fit$n) - 1
  v <- diag(fit$var)
  list(data = data, roles = list(time = time, event = event, group = group), options = list(rho = rho),
       n_used = nrow(d),
       tidy = list(statistic = fit$chisq, df = df, p_value = pchisq(fit$chisq, df, lower.tail = FALSE)),
       groups = lapply(seq_along(fit$n), function(i) list(
         group = sub("^.*=", "", names(fit$n)[i]), n = unname(fit$n[i]), observed = fit$obs[i], expected = fit$exp[i],
         oe2_e = (fit$obs[i] - fit$exp[i])^2 / fit$exp[i], oe2_v = (fit$obs[i] - fit$exp[i])^2 / v[i])))
}

cases <- list(
  case("lung", "time", "status", "sex"),
  case("lung", "time", "status", "sex", rho = 1),
  case("lung", "time", "status", "ph.ecog"),
  case("veteran", "time", "status", "celltype"),
  case("veteran", "time", "status", "trt", rho = 1),
  case("veteran", "time", "status", "celltype", rho = 0.5)
)
write_fixture(list(r_version = R.version.string, survival = as.character(packageVersion("survival")), cases = cases), "survival.logrank")
