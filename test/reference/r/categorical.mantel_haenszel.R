# Fixtures for plugins/method/categorical.mantel_haenszel: mantelhaen.test() on a 2 x 2 x K table,
# plus the Breslow-Day test of homogeneous odds ratios (with Tarone's correction) computed by
# formula as DescTools::BreslowDayTest (DescTools is not installed here), skipping strata with a
# zero margin (they carry no information on the odds ratio; DescTools would give NaN).
# Run from the repo root: Rscript test/reference/r/categorical.mantel_haenszel.R
source("test/reference/r/_common.R")

# The Rabbits example of ?mantelhaen.test, as one row per cell with a count
Rabbits <- array(c(0, 0, 6, 5,  3, 0, 3, 6,  6, 2, 0, 4,  5, 6, 1, 0,  2, 5, 0, 0), dim = c(2, 2, 5),
                 dimnames = list(Delay = c("None", "1.5h"), Response = c("Cured", "Died"),
                                 Penicillin.Level = c("1/8", "1/4", "1/2", "1", "4")))
write_data(as.data.frame(as.table(Rabbits)), "Rabbits")

rd <- function(name) read.csv(file.path("test/reference/data", paste0(name, ".csv")), colClasses = if (name == "Rabbits") "character" else NA)
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }

breslow_day <- function(x, OR) {
  a <- ta <- va <- numeric(0)
  for (j in seq_len(dim(x)[3])) {
    t <- x[, , j]
    mj <- rowSums(t); nj <- colSums(t)
    if (any(mj == 0) || any(nj == 0)) next
    coef <- c(-mj[1] * nj[1] * OR, nj[2] - mj[1] + OR * (nj[1] + mj[1]), 1 - OR)
    sols <- Re(polyroot(coef))
    tj <- sols[(max(0, mj[1] - nj[2]) <= sols) & (sols <= min(nj[1], mj[1]))][1]
    v <- 1 / (1 / tj + 1 / (mj[1] - tj) + 1 / (nj[1] - tj) + 1 / (mj[2] - nj[1] + tj))
    a <- c(a, t[1, 1]); ta <- c(ta, tj); va <- c(va, v)
  }
  x2 <- sum((a - ta)^2 / va)
  tarone <- x2 - (sum(a) - sum(ta))^2 / sum(va)
  df <- length(a) - 1
  list(statistic = x2, df = df, p_value = pchisq(x2, df, lower.tail = FALSE),
       tarone_statistic = tarone, tarone_p_value = pchisq(tarone, df, lower.tail = FALSE), strata_used = length(a))
}

case <- function(data, row, column, layer, weight = NULL, correct = TRUE, exact = FALSE, alternative = "two.sided", conf_level = 0.95) {
  d <- rd(data)
  if (!is.null(weight)) d[[weight]] <- as.numeric(d[[weight]])
  ok <- !is.na(d[[row]]) & !is.na(d[[column]]) & !is.na(d[[layer]])
  if (!is.null(weight)) ok <- ok & !is.na(d[[weight]])
  d <- d[ok, ]
  r <- fct(d[[row]]); cc <- fct(d[[column]]); k <- fct(d[[layer]])
  tab <- if (is.null(weight)) table(r, cc, k) else xtabs(d[[weight]] ~ r + cc + k)
  mh <- mantelhaen.test(tab, correct = correct, exact = exact, alternative = alternative, conf.level = conf_level)
  mh_est <- mantelhaen.test(tab)$estimate
  bd <- breslow_day(tab, mh_est)
  or_k <- apply(tab, 3, function(t) t[1, 1] * t[2, 2] / (t[1, 2] * t[2, 1]))
  roles <- list(row = row, column = column, layer = layer)
  if (!is.null(weight)) roles$weight <- weight
  list(
    data = data, roles = roles, options = list(correct = correct, exact = exact, alternative = alternative, conf_level = conf_level),
    n_used = nrow(d), row_levels = I(levels(r)), col_levels = I(levels(cc)), strata = I(levels(k)),
    tidy = list(statistic = unname(mh$statistic), df = if (is.null(mh$parameter)) NULL else unname(mh$parameter), p_value = mh$p.value,
                estimate = unname(mh$estimate), conf_low = mh$conf.int[1], conf_high = if (is.finite(mh$conf.int[2])) mh$conf.int[2] else NULL,
                method = mh$method, alternative = alternative),
    breslow_day = bd,
    strata_or = I(lapply(unname(or_k), function(v) if (is.finite(v)) v else NULL)),
    counts = I(lapply(seq_len(dim(tab)[3]), function(j) as.numeric(tab[, , j])))  # column-major: a, c, b, d
  )
}

cases <- list(
  case("UCBAdmissions", "Admit", "Gender", "Dept", weight = "Freq"),
  case("UCBAdmissions", "Admit", "Gender", "Dept", weight = "Freq", correct = FALSE, alternative = "less", conf_level = 0.9),
  case("UCBAdmissions", "Admit", "Gender", "Dept", weight = "Freq", exact = TRUE),
  case("Rabbits", "Delay", "Response", "Penicillin.Level", weight = "Freq"),
  case("Rabbits", "Delay", "Response", "Penicillin.Level", weight = "Freq", exact = TRUE),
  case("Rabbits", "Delay", "Response", "Penicillin.Level", weight = "Freq", exact = TRUE, alternative = "greater"),
  case("birthwt", "low", "smoke", "race"),
  case("birthwt", "low", "smoke", "race", exact = TRUE, conf_level = 0.9, alternative = "less"),
  case("birthwt", "low", "smoke", "race", alternative = "greater", correct = FALSE)
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.mantel_haenszel")
