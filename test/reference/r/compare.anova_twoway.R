# Fixtures for plugins/method/compare.anova_twoway: car::Anova(lm(y ~ a * b), type = "II" / "III").
# Type III uses sum-to-zero contrasts, as R users set with options(contrasts = c("contr.sum", "contr.poly")).
# Run from the repo root: Rscript test/reference/r/compare.anova_twoway.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages(library(car))

bw <- MASS::birthwt
bw$race <- c("white", "black", "other")[bw$race]
bw$smoke <- bw$smoke == 1   # same data as test/reference/data/birthwt_f.csv (written by regress.linear.R)
data_sets <- list(ToothGrowth = ToothGrowth, warpbreaks = warpbreaks, birthwt_f = bw, mtcars = mtcars)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

case <- function(data, outcome, factors, type = "II", interaction = TRUE) {
  d <- data_sets[[data]]
  d <- d[complete.cases(d[, c(outcome, factors)]), ]
  y <- d[[outcome]]
  a <- factor(as.character(d[[factors[1]]])); b <- factor(as.character(d[[factors[2]]]))
  if (is.numeric(d[[factors[1]]])) a <- factor(d[[factors[1]]])
  if (is.numeric(d[[factors[2]]])) b <- factor(d[[factors[2]]])
  df <- data.frame(y = y, a = a, b = b)
  names(df) <- c(outcome, factors)
  f <- as.formula(paste(outcome, "~", paste(factors, collapse = if (interaction) " * " else " + ")))
  old <- options(contrasts = if (type == "III") c("contr.sum", "contr.poly") else c("contr.treatment", "contr.poly"))
  fit <- lm(f, data = df)
  av <- car::Anova(fit, type = type)
  options(old)
  res <- av["Residuals", "Sum Sq"]
  rows <- lapply(seq_len(nrow(av)), function(i) {
    t <- rownames(av)[i]
    list(term = t, df = av$Df[i], sumsq = av$`Sum Sq`[i], meansq = av$`Sum Sq`[i] / av$Df[i],
         statistic = num(av$`F value`[i]), p_value = num(av$`Pr(>F)`[i]),
         partial_eta_squared = if (t %in% c("Residuals", "(Intercept)")) NULL else av$`Sum Sq`[i] / (av$`Sum Sq`[i] + res))
  })
  cells <- aggregate(df[[outcome]], list(a = df[[factors[1]]], b = df[[factors[2]]]), function(v) c(n = length(v), mean = mean(v)))
  lev <- car::leveneTest(df[[outcome]], interaction(df[[factors[1]]], df[[factors[2]]], drop = TRUE))  # cells of a x b
  list(data = data, roles = list(outcome = outcome, factors = I(factors)), options = list(type = type, interaction = interaction),
       n_used = nrow(df), anova = rows,
       cells = lapply(seq_len(nrow(cells)), function(i) list(a = as.character(cells$a[i]), b = as.character(cells$b[i]), n = cells$x[i, "n"], mean = cells$x[i, "mean"])),
       levene = list(statistic = lev$`F value`[1], p_value = lev$`Pr(>F)`[1]))
}

cases <- list(
  case("ToothGrowth", "len", c("supp", "dose")),
  case("ToothGrowth", "len", c("supp", "dose"), type = "III"),
  case("warpbreaks", "breaks", c("wool", "tension")),
  case("warpbreaks", "breaks", c("wool", "tension"), interaction = FALSE),
  case("birthwt_f", "bwt", c("race", "smoke")),
  case("birthwt_f", "bwt", c("race", "smoke"), type = "III"),
  case("birthwt_f", "bwt", c("race", "smoke"), type = "III", interaction = FALSE),
  case("mtcars", "mpg", c("am", "cyl"), type = "III")
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.anova_twoway")
