# Fixtures for plugins/method/categorical.fisher_exact: fisher.test(table(row, column)).
# Run from the repo root: Rscript test/reference/r/categorical.fisher_exact.R
source("test/reference/r/_common.R")

ucb <- as.data.frame(UCBAdmissions)
data_sets <- list(mtcars = mtcars, birthwt = MASS::birthwt, UCBAdmissions = ucb, infert = infert)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }

case <- function(data, row, column, weight = NULL, alternative = "two.sided", conf_level = 0.95) {
  d <- data_sets[[data]]
  ok <- !is.na(d[[row]]) & !is.na(d[[column]])
  if (!is.null(weight)) ok <- ok & !is.na(d[[weight]])
  d <- d[ok, ]
  r <- fct(d[[row]]); cc <- fct(d[[column]])
  tab <- if (is.null(weight)) table(r, cc) else xtabs(d[[weight]] ~ r + cc)
  ft <- fisher.test(tab, alternative = alternative, conf.level = conf_level)
  roles <- list(row = row, column = column)
  if (!is.null(weight)) roles$weight <- weight
  td <- list(p_value = ft$p.value, method = ft$method)
  if (all(dim(tab) == 2)) {
    td$estimate <- unname(ft$estimate); td$conf_low <- ft$conf.int[1]; td$conf_high <- ft$conf.int[2]; td$alternative <- ft$alternative
  }
  list(data = data, roles = roles, options = list(alternative = alternative, conf_level = conf_level), n_used = nrow(d),
       observed = lapply(seq_len(nrow(tab)), function(i) unname(as.numeric(tab[i, ]))), tidy = td)
}

cases <- list(
  case("mtcars", "am", "vs"),
  case("mtcars", "am", "vs", alternative = "less", conf_level = 0.9),
  case("birthwt", "low", "smoke"),
  case("birthwt", "low", "smoke", alternative = "greater", conf_level = 0.99),
  case("birthwt", "ht", "low"),
  case("infert", "case", "induced"),
  case("UCBAdmissions", "Admit", "Gender", weight = "Freq"),
  case("mtcars", "cyl", "gear"),
  case("mtcars", "cyl", "am"),
  case("birthwt", "race", "smoke"),
  case("birthwt", "race", "ftv")
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.fisher_exact")
