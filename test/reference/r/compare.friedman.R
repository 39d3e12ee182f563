# Fixtures for plugins/method/compare.friedman: friedman.test(y ~ w | id) on long-form data,
# Kendall's W = statistic / (n (k - 1)) (as rstatix::friedman_effsize, from the tie-corrected
# statistic), and the mean ranks within blocks.
# Run from the repo root: Rscript test/reference/r/compare.friedman.R
source("test/reference/r/_common.R")

# ?friedman.test: warpbreaks aggregated to one mean per wool x tension cell
wb <- aggregate(warpbreaks$breaks, by = list(w = warpbreaks$wool, t = warpbreaks$tension), FUN = mean)
wb$w <- as.character(wb$w); wb$t <- as.character(wb$t)
# ?friedman.test: Hollander & Wolfe (1973) p. 140, times to first base with three methods, 22 players
RoundingTimes <- matrix(c(5.40, 5.50, 5.55, 5.85, 5.70, 5.75, 5.20, 5.60, 5.50, 5.55, 5.50, 5.40,
                          5.90, 5.85, 5.70, 5.45, 5.55, 5.60, 5.40, 5.40, 5.35, 5.45, 5.50, 5.35,
                          5.25, 5.15, 5.00, 5.85, 5.80, 5.70, 5.25, 5.20, 5.10, 5.65, 5.55, 5.45,
                          5.60, 5.35, 5.45, 5.05, 5.00, 4.95, 5.50, 5.50, 5.40, 5.45, 5.55, 5.50,
                          5.55, 5.55, 5.35, 5.45, 5.50, 5.55, 5.50, 5.45, 5.25, 5.65, 5.60, 5.40,
                          5.70, 5.65, 5.55, 6.30, 6.30, 6.25),
                        nrow = 22, byrow = TRUE,
                        dimnames = list(1:22, c("Round Out", "Narrow Angle", "Wide Angle")))
rt <- data.frame(player = rep(1:22, each = 3), method = rep(colnames(RoundingTimes), 22),
                 time = as.vector(t(RoundingTimes)))
# ChickWeight at days 0, 6, 12, 21: five chicks (8, 15, 16, 18, 44) miss some of these days.
cw <- ChickWeight[ChickWeight$Time %in% c(0, 6, 12, 21), c("Chick", "Time", "weight")]
cw$Chick <- as.integer(as.character(cw$Chick))
cw <- cw[order(cw$Chick, cw$Time), ]
complete <- names(which(table(cw$Chick) == 4))
cwc <- cw[cw$Chick %in% complete, ]
write_data(wb, "warpbreaks_wb")
write_data(rt, "RoundingTimes")
write_data(cw, "ChickWeight_t4")
write_data(cwc, "ChickWeight_t4c")
data_sets <- list(warpbreaks_wb = wb, RoundingTimes = rt, ChickWeight_t4c = cwc)

case <- function(data, outcome, within, id) {
  d <- data_sets[[data]]
  y <- d[[outcome]]; w <- factor(d[[within]]); b <- factor(d[[id]])
  ft <- friedman.test(y, w, b)
  n <- nlevels(b); k <- nlevels(w)
  m <- matrix(NA_real_, n, k)
  m[cbind(as.integer(b), as.integer(w))] <- y
  r <- t(apply(m, 1, rank))
  list(
    data = data, roles = list(outcome = outcome, within = within, id = id), options = setNames(list(), character(0)),
    n_used = length(y),
    tidy = list(statistic = unname(ft$statistic), df = unname(ft$parameter), p_value = ft$p.value,
                kendall_w = unname(ft$statistic) / (n * (k - 1)), n_blocks = n, n_levels = k, method = ft$method),
    ranks = lapply(seq_len(k), function(j) list(level = levels(w)[j], n = n, rank_sum = sum(r[, j]),
                                                mean_rank = mean(r[, j]), median = median(m[, j]), mean = mean(m[, j])))
  )
}

cases <- list(
  case("warpbreaks_wb", "x", "w", "t"),
  case("warpbreaks_wb", "x", "t", "w"),
  case("RoundingTimes", "time", "method", "player"),
  case("ChickWeight_t4c", "weight", "Time", "Chick")
)
write_fixture(list(r_version = R.version.string, cases = cases), "compare.friedman")
