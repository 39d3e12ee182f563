# Fixtures for plugins/method/survival.km: summary(survfit(Surv(time, event) ~ strata), censored = TRUE)
# and the median table of print(survfit).
# Run from the repo root: Rscript test/reference/r/survival.km.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(survival))

data_sets <- list(lung = survival::lung, veteran = survival::veteran)
# factors as text, so their levels sort as the app sorts them (R would keep the factor order)
for (nm in names(data_sets)) data_sets[[nm]][] <- lapply(data_sets[[nm]], function(x) if (is.factor(x)) as.character(x) else x)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)

case <- function(data, time, event, strata = NULL, conf_level = 0.95, conf_type = "log") {
  d <- data_sets[[data]]
  cols <- c(time, event, strata)
  d <- d[complete.cases(d[, cols]), cols, drop = FALSE]
  f <- if (is.null(strata)) as.formula(sprintf("Surv(%s, %s) ~ 1", time, event)) else as.formula(sprintf("Surv(%s, %s) ~ %s", time, event, strata))
  fit <- survfit(f, data = d, conf.int = conf_level, conf.type = conf_type)
  s <- summary(fit, censored = TRUE)
  st <- if (is.null(s$strata)) rep("", length(s$time)) else sub("^.*=", "", as.character(s$strata))
  rows <- lapply(seq_along(s$time), function(i) list(
    strata = st[i], time = s$time[i], n_risk = s$n.risk[i], n_event = s$n.event[i], n_censor = s$n.censor[i],
    estimate = s$surv[i], std_error = s$std.err[i], conf_low = s$lower[i], conf_high = s$upper[i]))
  tb <- summary(fit)$table
  if (is.null(dim(tb))) tb <- matrix(tb, nrow = 1, dimnames = list("", names(tb)))
  lcl <- grep("LCL", colnames(tb)); ucl <- grep("UCL", colnames(tb))
  med <- lapply(seq_len(nrow(tb)), function(i) list(
    strata = sub("^.*=", "", rownames(tb)[i]), n = tb[i, "records"], events = tb[i, "events"],
    median = tb[i, "median"], conf_low = tb[i, lcl], conf_high = tb[i, ucl]))
  list(data = data, roles = c(list(time = time, event = event), if (!is.null(strata)) list(strata = strata)),
       options = list(conf_level = conf_level, conf_type = conf_type),
       n_used = nrow(d), survfit = rows, median_survival = med)
}

cases <- list(
  case("lung", "time", "status"),
  case("lung", "time", "status", "sex", conf_type = "log-log", conf_level = 0.9),
  case("lung", "time", "status", "ph.ecog", conf_type = "plain"),
  case("veteran", "time", "status", "celltype"),
  case("veteran", "time", "status", "trt", conf_type = "log-log", conf_level = 0.99)
)
write_fixture(list(r_version = R.version.string, survival = as.character(packageVersion("survival")), cases = cases), "survival.km")
