# Fixtures for plugins/method/categorical.mcnemar: mcnemar.test(table(x, y)) with the union of levels.
# Run from the repo root: Rscript test/reference/r/categorical.mcnemar.R
source("test/reference/r/_common.R")
# Agresti (1990) p. 350: presidential approval ratings, same 1600 people one month apart (?mcnemar.test)
approval <- data.frame(first = c("Approve", "Approve", "Disapprove", "Disapprove"),
                       second = c("Approve", "Disapprove", "Approve", "Disapprove"), Freq = c(794, 150, 86, 570))
# Three-level paired ratings (Bowker's symmetry test), aggregated
ratings <- data.frame(before = rep(c("low", "mid", "high"), each = 3), after = rep(c("low", "mid", "high"), 3),
                      Freq = c(20, 15, 5, 4, 30, 12, 2, 6, 25))
data_sets <- list(mtcars = mtcars, birthwt = MASS::birthwt, approval = approval, ratings = ratings)
for (nm in names(data_sets)) write_data(data_sets[[nm]], nm)
lvls <- function(x) if (is.numeric(x)) sort(unique(x)) else sort(unique(as.character(x)), method = "radix")

case <- function(data, x, y, weight = NULL, correct = TRUE) {
  d <- data_sets[[data]]
  d <- d[!is.na(d[[x]]) & !is.na(d[[y]]), ]
  lv <- lvls(c(lvls(d[[x]]), lvls(d[[y]])))
  if (is.numeric(lv)) lv <- sort(lv)
  fx <- factor(d[[x]], levels = lv); fy <- factor(d[[y]], levels = lv)
  tab <- if (is.null(weight)) table(fx, fy) else xtabs(d[[weight]] ~ fx + fy)
  mt <- mcnemar.test(tab, correct = correct)
  roles <- list(x = x, y = y); if (!is.null(weight)) roles$weight <- weight
  list(data = data, roles = roles, options = list(correct = correct), n_used = nrow(d), levels = I(as.character(lv)),
       observed = lapply(seq_len(nrow(tab)), function(i) unname(as.numeric(tab[i, ]))),
       tidy = list(statistic = unname(mt$statistic), df = unname(mt$parameter), p_value = mt$p.value, method = mt$method))
}
cases <- list(
  case("mtcars", "am", "vs"),
  case("mtcars", "am", "vs", correct = FALSE),
  case("birthwt", "ht", "ui"),
  case("birthwt", "smoke", "low", correct = FALSE),
  case("approval", "first", "second", weight = "Freq"),
  case("approval", "first", "second", weight = "Freq", correct = FALSE),
  case("ratings", "before", "after", weight = "Freq")
)
write_fixture(list(r_version = R.version.string, cases = cases), "categorical.mcnemar")
