# Fixtures for plugins/method/compare.anova_rm: one-way repeated-measures ANOVA from long data,
# as car::Anova(lm(Y ~ 1), idata, idesign = ~ within, type = "III") on the wide matrix
# (univariate tests, Mauchly's test, Greenhouse-Geisser and Huynh-Feldt epsilons and p-values).
# Subjects without a value at every level are dropped first, as the plugin does.
# Run from the repo root: Rscript test/reference/r/compare.anova_rm.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(car))

cw <- as.data.frame(ChickWeight); cw$Chick <- as.character(cw$Chick); cw$Diet <- as.character(cw$Diet)
co2 <- as.data.frame(CO2); for (v in c("Plant", "Type", "Treatment")) co2[[v]] <- as.character(co2[[v]])
data_sets <- list(ChickWeight = cw, CO2 = co2, sleep = sleep)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

case <- function(data, outcome, within, id) {
  d <- data_sets[[data]]
  d <- d[!is.na(d[[outcome]]) & !is.na(d[[within]]) & !is.na(d[[id]]), ]
  w <- if (is.numeric(d[[within]])) factor(d[[within]]) else factor(as.character(d[[within]]))
  s <- as.character(d[[id]])
  lv <- levels(w)
  n_all <- length(unique(s))
  complete <- names(which(tapply(w, s, function(x) all(lv %in% x))))
  keep <- s %in% complete
  Y <- tapply(d[[outcome]][keep], list(s[keep], w[keep]), mean)
  Y <- Y[, lv, drop = FALSE]
  fit <- lm(Y ~ 1)
  idata <- data.frame(within = factor(lv, levels = lv))
  av <- car::Anova(fit, idata = idata, idesign = ~within, type = "III")
  sm <- suppressWarnings(summary(av, multivariate = FALSE))
  u <- sm$univariate.tests
  k <- length(lv)
  out <- list(data = data, roles = list(outcome = outcome, within = within, id = id), options = setNames(list(), character(0)),
    n_subjects = nrow(Y), n_dropped = n_all - nrow(Y),
    anova = list(term = within, df = u["within", "num Df"], sumsq = u["within", "Sum Sq"], df_denom = u["within", "den Df"],
                 error_sumsq = u["within", "Error SS"], statistic = u["within", "F value"], p_value = u["within", "Pr(>F)"]),
    means = lapply(lv, function(l) list(level = l, mean = mean(Y[, l]), sd = sd(Y[, l]))))
  if (k > 2) {
    out$sphericity <- list(mauchly_w = sm$sphericity.tests["within", "Test statistic"], p_value = sm$sphericity.tests["within", "p-value"],
      gg_epsilon = sm$pval.adjustments["within", "GG eps"], p_value_gg = sm$pval.adjustments["within", "Pr(>F[GG])"],
      hf_epsilon = sm$pval.adjustments["within", "HF eps"], p_value_hf = sm$pval.adjustments["within", "Pr(>F[HF])"])
  }
  out
}

cases <- list(
  case("ChickWeight", "weight", "Time", "Chick"),
  case("CO2", "uptake", "conc", "Plant"),
  case("sleep", "extra", "group", "ID")
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.anova_rm")
