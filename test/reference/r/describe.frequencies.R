# Fixtures for plugins/method/describe.frequencies: table(x, useNA = "ifany") and prop.table().
# Run from the repo root: Rscript test/reference/r/describe.frequencies.R
# percent = n / all rows (missing included); valid_percent = n / non-missing rows;
# cumulative_percent = cumsum(valid_percent) in the displayed order (missing row: NA).
source("test/reference/r/_common.R")

rd <- function(name) read.csv(file.path("test/reference/data", paste0(name, ".csv")))
fct <- function(x) if (is.numeric(x)) factor(x) else { x <- as.character(x); x[x == ""] <- NA; factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")) }

freq <- function(x, name, sort = "level", include_missing = TRUE) {
  f <- fct(x)
  tab <- table(f)                       # non-missing levels, in level order
  if (sort == "frequency") tab <- tab[order(-as.numeric(tab))]  # radix order: stable, ties keep level order
  nmiss <- sum(is.na(f))
  valid <- prop.table(tab)
  total <- if (include_missing) length(f) else sum(tab)
  rows <- data.frame(variable = name, level = names(tab), n = as.numeric(tab), percent = as.numeric(tab) / total,
                     valid_percent = as.numeric(valid), cumulative_percent = cumsum(as.numeric(valid)))
  if (include_missing && nmiss > 0)
    rows <- rbind(rows, data.frame(variable = name, level = "(missing)", n = nmiss, percent = nmiss / total,
                                   valid_percent = NA, cumulative_percent = NA))
  rows
}

case <- function(data, variables, sort = "level", include_missing = TRUE) {
  d <- rd(data)
  rows <- do.call(rbind, lapply(variables, function(v) freq(d[[v]], v, sort, include_missing)))
  # check against table(useNA = "ifany") / prop.table for the first variable
  list(data = data, roles = list(variables = I(variables)), options = list(sort = sort, include_missing = include_missing),
       n_rows = nrow(d), frequencies = rows)
}

cases <- list(
  case("lung", c("sex", "ph.ecog", "ph.karno")),
  case("lung", c("ph.ecog", "inst"), sort = "frequency", include_missing = FALSE),
  case("birthwt", c("race", "smoke", "ftv"), sort = "frequency"),
  case("chickwts", c("feed")),
  case("infert", c("education", "induced"), include_missing = FALSE)
)
# cross-check the definition with useNA = "ifany"
x <- rd("lung")$ph.ecog
stopifnot(all.equal(as.numeric(prop.table(table(x, useNA = "ifany"))), cases[[1]]$frequencies$percent[cases[[1]]$frequencies$variable == "ph.ecog"]))
write_fixture(list(r_version = R.version.string, cases = cases), "describe.frequencies")
