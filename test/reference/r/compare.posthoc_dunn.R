# Fixtures for plugins/method/compare.posthoc_dunn. Neither FSA nor dunn.test is installed here,
# so Dunn's (1964) z statistics are computed by formula (as FSA::dunnTest / dunn.test do):
# z = (Rbar_i - Rbar_j) / sqrt((N (N + 1) / 12 - sum(t^3 - t) / (12 (N - 1))) (1/n_i + 1/n_j)),
# two-sided p = 2 P(Z > |z|), adjusted with p.adjust. Contrasts "A - B" in FSA's order
# (1-2, 1-3, 2-3, 1-4, ...).
source("test/reference/r/_common.R")
data_sets <- list(PlantGrowth = PlantGrowth, InsectSprays = InsectSprays, chickwts = chickwts, airquality = airquality)
case <- function(data, outcome, group, method = "holm") {
  d <- data_sets[[data]]; y <- d[[outcome]]; g <- factor(d[[group]])
  ok <- !is.na(y) & !is.na(g); y <- y[ok]; g <- droplevels(g[ok]); N <- length(y)
  r <- rank(y); tt <- table(y); lv <- levels(g); k <- length(lv)
  mr <- tapply(r, g, mean); ni <- tapply(r, g, length)
  s2 <- N * (N + 1) / 12 - sum(tt^3 - tt) / (12 * (N - 1))
  rows <- list()
  for (b in 2:k) for (a in 1:(b - 1)) {
    z <- (mr[a] - mr[b]) / sqrt(s2 * (1 / ni[a] + 1 / ni[b]))
    rows[[length(rows) + 1]] <- list(contrast = paste(lv[a], "-", lv[b]), estimate = unname(mr[a] - mr[b]), statistic = unname(z),
                                     p_value = 2 * pnorm(abs(unname(z)), lower.tail = FALSE))
  }
  padj <- p.adjust(sapply(rows, `[[`, "p_value"), method)
  for (i in seq_along(rows)) rows[[i]]$p_adjusted <- padj[i]
  list(data = data, roles = list(outcome = outcome, group = group), options = list(method = method), n_used = N, posthoc = rows,
       kruskal = list(statistic = unname(kruskal.test(y ~ g)$statistic)))
}
cases <- list(case("PlantGrowth", "weight", "group"), case("PlantGrowth", "weight", "group", "bonferroni"),
              case("InsectSprays", "count", "spray", "BH"), case("chickwts", "weight", "feed", "hochberg"),
              case("airquality", "Ozone", "Month"), case("airquality", "Ozone", "Month", "BY"))
write_fixture(list(r_version = R.version.string, cases = cases), "compare.posthoc_dunn")
