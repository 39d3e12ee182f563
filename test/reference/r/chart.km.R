# Fixtures for plugins/chart/chart.km: numbers at risk at pretty() breaks of the time axis.
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(survival))
case <- function(data, time, event, strata = NULL) {
  d <- read.csv(file.path("test/reference/data", paste0(data, ".csv")))
  f <- as.formula(paste0("Surv(", time, ", ", event, ") ~ ", if (is.null(strata)) "1" else strata))
  fit <- survfit(f, data = d)
  br <- pretty(c(0, max(fit$time))); br <- br[br >= 0 & br <= max(fit$time)]
  s <- summary(fit, times = br, extend = TRUE)
  list(data = data, roles = c(list(time = time, event = event), if (!is.null(strata)) list(strata = strata)), times = br,
       rows = lapply(seq_along(s$time), function(i) c(if (!is.null(strata)) list(strata = sub("^[^=]*=", "", as.character(s$strata[i]))), list(time = s$time[i], n_risk = s$n.risk[i]))))
}
write_fixture(list(r_version = R.version.string, cases = list(case("lung", "time", "status"), case("lung", "time", "status", "sex"), case("veteran", "time", "status", "trt"))), "chart.km")
