# Reference values for describe.table1 ("Table 1": baseline characteristics by group).
# tableone is not installed here, so every number is computed with base R (+ MASS::ginv for the
# multi-level SMD of Yang & Dalton 2012, exactly as tableone:::StdDiffMulti does):
#   numeric: n, mean, sd, median, quantile type 7, shapiro.test per group (3 <= n <= 5000);
#            normal -> t.test (Welch, 2 groups) / oneway.test(var.equal = TRUE) (3+ groups);
#            non-normal -> wilcox.test (2 groups, R defaults) / kruskal.test (3+ groups);
#   categorical: table / prop.table; chisq.test(correct = FALSE) unless an expected count < 5,
#            then fisher.test;
#   SMD: 2 groups (m1 - m2) / sqrt((s1^2 + s2^2) / 2) (signed, group 1 - group 2) and the
#        multi-level SMD for categories; 3+ groups: the mean of the pairwise |SMD| (tableone).
# Run from the repo root: Rscript test/reference/r/describe.table1.R
source("test/reference/r/_common.R")
suppressPackageStartupMessages({ library(MASS); library(survival) })

# ---- data ----------------------------------------------------------------------------------
bw <- MASS::birthwt
birthwt_table1 <- data.frame(
  age = bw$age, lwt = bw$lwt,
  race = c("white", "black", "other")[bw$race],
  smoke = ifelse(bw$smoke == 1, "smoker", "non-smoker"),
  ptl = bw$ptl, ht = bw$ht == 1, ui = bw$ui == 1, ftv = bw$ftv, bwt = bw$bwt
)
write_data(birthwt_table1, "birthwt_table1")

pb <- survival::pbc
pbc_table1 <- data.frame(
  trt = pb$trt, age = pb$age, sex = as.character(pb$sex),
  ascites = ifelse(is.na(pb$ascites), NA, pb$ascites == 1),
  bili = pb$bili, chol = pb$chol, albumin = pb$albumin,
  stage = ifelse(is.na(pb$stage), NA, paste("stage", pb$stage))
)
write_data(pbc_table1, "pbc_table1")

read <- function(name) read.csv(file.path("test/reference/data", paste0(name, ".csv")), stringsAsFactors = FALSE, na.strings = c("", "NA"))

# ---- helpers -------------------------------------------------------------------------------
q7 <- function(x, p) unname(quantile(x, p, type = 7))
nz <- function(x) if (length(x) == 1 && is.finite(x)) unname(x) else NA

smd_num <- function(a, b) (mean(a) - mean(b)) / sqrt((var(a) + var(b)) / 2)
smd_cat <- function(ca, cb, levels) {
  pa <- as.numeric(table(factor(ca, levels = levels))) / length(ca)
  pb <- as.numeric(table(factor(cb, levels = levels))) / length(cb)
  Tt <- pa[-1]; Cc <- pb[-1]
  mv <- function(p) { m <- -outer(p, p); diag(m) <- p * (1 - p); m }
  S <- (mv(Tt) + mv(Cc)) / 2
  d <- Tt - Cc
  sqrt(drop(t(d) %*% MASS::ginv(S) %*% d))
}

table1_case <- function(dname, vars, group, options) {
  d <- read(dname)
  cont <- if (is.null(options$continuous)) "auto" else options$continuous
  do_test <- if (is.null(options$test)) TRUE else options$test
  do_smd <- if (is.null(options$smd)) TRUE else options$smd
  g_missing <- 0L
  if (!is.null(group)) {
    g_missing <- sum(is.na(d[[group]]))
    d <- d[!is.na(d[[group]]), ]
    gf <- factor(d[[group]])
    glev <- levels(gf)
  } else {
    gf <- NULL
    glev <- character(0)
  }
  values <- list()
  vtab <- list()
  for (v in vars) {
    x <- d[[v]]
    miss <- sum(is.na(x))
    is_num <- is.numeric(x) && !is.logical(x)
    if (is_num) {
      groups <- c(list(Overall = !is.na(x)), setNames(lapply(glev, function(l) !is.na(x) & gf == l), glev))
      for (gn in names(groups)) {
        xx <- x[groups[[gn]]]
        values[[length(values) + 1]] <- list(variable = v, level = NULL, group = gn, n = length(xx),
          mean = nz(mean(xx)), sd = nz(sd(xx)), median = nz(median(xx)), q1 = nz(q7(xx, 0.25)), q3 = nz(q7(xx, 0.75)),
          count = NULL, percent = NULL,
          missing = if (gn == "Overall") miss else sum(is.na(d[[v]]) & gf == gn))
      }
      samples <- lapply(glev, function(l) x[!is.na(x) & gf == l])
      sw <- NULL
      normal <- TRUE
      if (cont == "auto") {
        test_on <- if (length(glev)) samples else list(x[!is.na(x)])
        sw <- sapply(test_on, function(s) if (length(s) >= 3 && length(s) <= 5000 && length(unique(s)) > 1) shapiro.test(s)$p.value else NA)
        normal <- all(is.na(sw) | sw >= 0.05)
      } else normal <- cont == "mean_sd"
      summary <- if (normal) "mean_sd" else "median_iqr"
      p <- NA; test <- NA; smd <- NA
      if (length(glev) >= 2) {
        if (do_test) {
          if (normal && length(glev) == 2) { p <- t.test(samples[[1]], samples[[2]])$p.value; test <- "Welch t-test" }
          if (normal && length(glev) > 2) { p <- oneway.test(x ~ gf, data = data.frame(x = x, gf = gf), var.equal = TRUE)$p.value; test <- "ANOVA" }
          if (!normal && length(glev) == 2) { p <- suppressWarnings(wilcox.test(samples[[1]], samples[[2]])$p.value); test <- "Wilcoxon rank-sum" }
          if (!normal && length(glev) > 2) { p <- kruskal.test(x ~ gf, data = data.frame(x = x, gf = gf))$p.value; test <- "Kruskal–Wallis" }
        }
        if (do_smd) {
          pr <- combn(length(glev), 2)
          s <- apply(pr, 2, function(ij) smd_num(samples[[ij[1]]], samples[[ij[2]]]))
          smd <- if (length(glev) == 2) s else mean(abs(s))
        }
      }
      vtab[[length(vtab) + 1]] <- list(variable = v, kind = "numeric", summary = summary,
        shapiro_p = if (is.null(sw)) NULL else I(sw), p_value = nz(p), test = if (is.na(test)) NULL else test, smd = nz(smd), missing = miss)
    } else {
      xs <- as.character(x)
      lev <- levels(factor(xs[!is.na(xs)]))
      ok <- !is.na(xs)
      for (l in lev) {
        groups <- c(list(Overall = ok), setNames(lapply(glev, function(gl) ok & gf == gl), glev))
        for (gn in names(groups)) {
          nn <- sum(groups[[gn]])
          cnt <- sum(groups[[gn]] & xs == l)
          values[[length(values) + 1]] <- list(variable = v, level = l, group = gn, n = nn,
            count = cnt, percent = nz(100 * cnt / nn),
            missing = if (gn == "Overall") miss else sum(is.na(xs) & gf == gn))
        }
      }
      p <- NA; test <- NA; smd <- NA
      if (length(glev) >= 2) {
        if (do_test) {
          tab <- table(factor(xs[ok], levels = lev), gf[ok])
          tab <- tab[, colSums(tab) > 0, drop = FALSE]
          if (nrow(tab) >= 2 && ncol(tab) >= 2) {
            E <- outer(rowSums(tab), colSums(tab)) / sum(tab)
            if (any(E < 5)) { p <- fisher.test(tab, workspace = 2e7)$p.value; test <- "Fisher's exact" }
            else { p <- chisq.test(tab, correct = FALSE)$p.value; test <- "Chi-square" }
          }
        }
        if (do_smd) {
          pr <- combn(length(glev), 2)
          s <- apply(pr, 2, function(ij) smd_cat(xs[ok & gf == glev[ij[1]]], xs[ok & gf == glev[ij[2]]], lev))
          smd <- if (length(glev) == 2) s else mean(abs(s))
        }
      }
      vtab[[length(vtab) + 1]] <- list(variable = v, kind = "categorical", levels = I(lev), p_value = nz(p),
        test = if (is.na(test)) NULL else test, smd = nz(smd), missing = miss)
    }
  }
  roles <- list(variables = I(vars))
  if (!is.null(group)) roles$group <- group
  list(data = dname, roles = roles, options = options, group_levels = I(glev),
       n_rows = nrow(read(dname)), n_group_missing = g_missing, values = values, variables = vtab)
}

bw_vars <- c("age", "lwt", "race", "ptl", "ht", "ui", "ftv", "bwt")
cases <- list(
  table1_case("birthwt_table1", bw_vars, "smoke", list()),
  table1_case("birthwt_table1", c("age", "lwt", "smoke", "ht", "ui", "ftv", "bwt"), "race", list(continuous = "mean_sd")),
  table1_case("birthwt_table1", bw_vars, NULL, list(missing = FALSE)),
  table1_case("pbc_table1", c("age", "trt", "ascites", "bili", "chol", "albumin", "stage"), "sex", list()),
  table1_case("pbc_table1", c("age", "sex", "ascites", "bili", "chol", "albumin", "stage"), "trt", list(continuous = "median_iqr")),
  table1_case("iris", c("Sepal.Length", "Sepal.Width", "Petal.Length", "Petal.Width"), "Species", list()),
  table1_case("chickwts", c("weight"), "feed", list(smd = FALSE)),
  table1_case("lung", c("age", "ph.ecog", "ph.karno", "meal.cal", "wt.loss"), "sex", list(test = FALSE))
)
write_fixture(list(cases = cases), "describe.table1")
