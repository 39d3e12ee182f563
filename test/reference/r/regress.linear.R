# Fixtures for plugins/method/regress.linear: lm() -> broom::tidy/glance, anova(), car::vif(),
# leverages/standardized residuals. Run from the repo root: Rscript test/reference/r/regress.linear.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages({ library(broom); library(car) })

bw <- MASS::birthwt
bw$race <- factor(bw$race, labels = c("white", "black", "other"))
bw$smoke <- bw$smoke == 1
mt <- mtcars
mt$wt2 <- 2 * mt$wt            # exactly collinear with wt: aliased, NA coefficient
data_sets <- list(mtcars = mtcars, iris = iris, airquality = airquality, ToothGrowth = ToothGrowth,
                  birthwt_f = bw, mtcars_alias = mt)
for (nm in names(data_sets)) {
  f <- file.path("test/reference/data", paste0(nm, ".csv"))
  if (!file.exists(f)) write_data(data_sets[[nm]], nm)
}

snake <- function(df) { names(df) <- gsub(".", "_", names(df), fixed = TRUE); df }

case <- function(data, outcome, covariates, conf_level = 0.95) {
  d <- data_sets[[data]]
  # factors as the app reads them back from the CSV: levels in sorted order
  for (v in c(outcome, covariates)) if (is.factor(d[[v]]) || is.character(d[[v]]) || is.logical(d[[v]])) d[[v]] <- factor(as.character(d[[v]]))
  d <- d[complete.cases(d[, c(outcome, covariates)]), ]
  f <- reformulate(covariates, response = outcome)
  fit <- lm(f, data = d)
  co <- coef(fit)
  td <- snake(as.data.frame(broom::tidy(fit, conf.int = TRUE, conf.level = conf_level)))
  gl <- snake(as.data.frame(broom::glance(fit)))
  av <- anova(fit)
  anova_rows <- lapply(seq_len(nrow(av)), function(i) list(term = rownames(av)[i], df = av$Df[i], sumsq = av$`Sum Sq`[i],
    meansq = av$`Mean Sq`[i], statistic = num(av$`F value`[i]), p_value = num(av$`Pr(>F)`[i])))
  vf <- tryCatch({
    v <- car::vif(fit)
    if (is.matrix(v)) lapply(seq_len(nrow(v)), function(i) list(term = rownames(v)[i], gvif = v[i, 1], df = v[i, 2], gvif_adj = v[i, 3]))
    else lapply(names(v), function(t) list(term = t, gvif = unname(v[t]), df = 1, gvif_adj = sqrt(unname(v[t]))))
  }, error = function(e) NULL)
  list(
    data = data, roles = list(outcome = outcome, covariates = I(covariates)), options = list(conf_level = conf_level),
    n_used = nrow(d), formula = deparse(f),
    tidy = lapply(seq_len(nrow(td)), function(i) as.list(td[i, ])),
    aliased = I(names(co)[is.na(co)]),
    glance = as.list(gl[, c("r_squared", "adj_r_squared", "sigma", "statistic", "p_value", "df", "logLik", "AIC", "BIC", "deviance", "df_residual", "nobs")]),
    anova = anova_rows,
    vif = vf,
    hat_head = I(unname(head(hatvalues(fit), 10))),
    rstandard_head = I(unname(head(rstandard(fit), 10)))
  )
}

cases <- list(
  case("mtcars", "mpg", c("wt", "hp")),
  case("mtcars", "mpg", c("wt", "hp", "disp", "qsec", "am"), conf_level = 0.9),
  case("iris", "Sepal.Length", c("Sepal.Width", "Petal.Length", "Species")),
  case("airquality", "Ozone", c("Solar.R", "Wind", "Temp")),
  case("ToothGrowth", "len", c("supp", "dose"), conf_level = 0.99),
  case("birthwt_f", "bwt", c("age", "lwt", "race", "smoke")),
  case("mtcars_alias", "mpg", c("wt", "hp", "wt2"))
)
write_fixture(list(r_version = R.version.string, cases = cases), "regress.linear")
