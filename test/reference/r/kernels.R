# Reference values for the shared kernels in src/core/stats (distributions, descriptive, pretty).
# Run from the repo root: Rscript test/reference/r/kernels.R
library(jsonlite)
set.seed(20240601)
out <- list()

# distributions
tq <- expand.grid(x = c(-40, -5, -1.5, -0.3, 0, 0.7, 2, 3.3, 12), df = c(1, 2.5, 7, 30, 123.4))
out$t <- lapply(seq_len(nrow(tq)), function(i) {
  x <- tq$x[i]; df <- tq$df[i]
  list(x = x, df = df, cdf = pt(x, df), upper = pt(x, df, lower.tail = FALSE),
       two_sided = 2 * pt(-abs(x), df))
})
pq <- expand.grid(p = c(1e-10, 0.001, 0.025, 0.05, 0.3, 0.5, 0.9, 0.95, 0.975, 0.999), df = c(1, 3, 9.7, 58, 1000))
out$tq <- lapply(seq_len(nrow(pq)), function(i) list(p = pq$p[i], df = pq$df[i], q = qt(pq$p[i], pq$df[i])))
out$norm <- lapply(c(-38, -8, -1.96, -0.5, 0, 1, 2.5, 9), function(x)
  list(x = x, cdf = pnorm(x), upper = pnorm(x, lower.tail = FALSE)))
out$normq <- lapply(c(1e-12, 0.01, 0.3, 0.5, 0.975, 0.999999), function(p) list(p = p, q = qnorm(p)))
fq <- expand.grid(x = c(0.01, 0.5, 1, 2.2, 7, 60), df1 = c(1, 4, 19), df2 = c(2, 11, 80))
out$f <- lapply(seq_len(nrow(fq)), function(i) {
  x <- fq$x[i]; a <- fq$df1[i]; b <- fq$df2[i]
  list(x = x, df1 = a, df2 = b, cdf = pf(x, a, b), upper = pf(x, a, b, lower.tail = FALSE))
})
# far tails: p-values of 1e-20 .. 1e-200 must keep their relative precision
out$f_tail <- lapply(list(c(200, 3, 500), c(2000, 2, 1000), c(90, 10, 400)), function(a)
  list(x = a[1], df1 = a[2], df2 = a[3], upper = pf(a[1], a[2], a[3], lower.tail = FALSE)))
cq <- expand.grid(x = c(0.01, 1, 3.84, 50, 200, 1000), df = c(1, 3, 10, 55.5))
out$chisq <- lapply(seq_len(nrow(cq)), function(i) {
  x <- cq$x[i]; df <- cq$df[i]
  list(x = x, df = df, cdf = pchisq(x, df), upper = pchisq(x, df, lower.tail = FALSE))
})
qq <- expand.grid(p = c(1e-8, 0.05, 0.5, 0.95, 0.999), df = c(1, 4, 17.5))
out$chisqq <- lapply(seq_len(nrow(qq)), function(i) list(p = qq$p[i], df = qq$df[i], q = qchisq(qq$p[i], qq$df[i])))
out$fq <- lapply(seq_len(nrow(qq)), function(i) list(p = qq$p[i], df1 = qq$df[i], df2 = 12, q = qf(qq$p[i], qq$df[i], 12)))

# descriptive (e1071 type 2 = SAS/SPSS G1, G2)
desc_case <- function(x) list(
  x = x, mean = mean(x), var = if (length(x) > 1) var(x) else NULL, sd = if (length(x) > 1) sd(x) else NULL,
  median = median(x), q = unname(quantile(x, c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1), type = 7)),
  iqr = IQR(x), min = min(x), max = max(x),
  skewness = if (length(x) > 2) e1071::skewness(x, type = 2) else NULL,
  kurtosis = if (length(x) > 3) e1071::kurtosis(x, type = 2) else NULL)
out$desc <- list(
  desc_case(mtcars$mpg), desc_case(iris$Sepal.Width), desc_case(c(1, 2, 3)), desc_case(c(5, 1, 9, 2)),
  desc_case(rexp(37) * 1000 + 1e6), desc_case(c(2.5)), desc_case(round(rnorm(50), 1)))

# pretty and hist
pretty_cases <- list()
ranges <- list(c(0, 1), c(0, 0.7), c(-3.2, 7.9), c(1e6, 1e6 + 3), c(5, 5), c(0, 0), c(-1e-3, 2e-3),
               c(10.4, 33.9), c(0.1, 0.3), c(-17, -3), c(2, 2.0000001), c(123456, 987654), c(1, 1e8))
for (r in ranges) for (n in c(1, 2, 3, 5, 7, 10, 13, 30)) {
  pretty_cases[[length(pretty_cases) + 1]] <- list(lo = r[1], up = r[2], n = n, min_n = 1,
    breaks = pretty(r, n = n, min.n = 1))
}
for (i in 1:300) {
  lo <- signif(rnorm(1, 0, 10^sample(-3:5, 1)), sample(1:6, 1))
  up <- lo + signif(abs(rnorm(1, 0, 10^sample(-3:5, 1))), sample(1:6, 1))
  n <- sample(1:25, 1)
  pretty_cases[[length(pretty_cases) + 1]] <- list(lo = lo, up = up, n = n, min_n = 1,
    breaks = pretty(c(lo, up), n = n, min.n = 1))
}
for (r in ranges) pretty_cases[[length(pretty_cases) + 1]] <- list(lo = r[1], up = r[2], n = 5, min_n = NULL,
  breaks = pretty(r))
out$pretty <- pretty_cases

hist_case <- function(x, breaks = "Sturges") {
  h <- hist(x, breaks = breaks, plot = FALSE)
  list(x = x, bins = if (is.numeric(breaks)) breaks else 0, sturges = nclass.Sturges(x),
       breaks = h$breaks, counts = h$counts, density = h$density, mids = h$mids)
}
out$hist <- list(hist_case(mtcars$mpg), hist_case(iris$Sepal.Length), hist_case(iris$Sepal.Length, 20),
                 hist_case(c(1, 2, 2, 3, 3, 3, 4)), hist_case(c(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)),
                 hist_case(rnorm(500)), hist_case(c(3, 3, 3)), hist_case(airquality$Ozone[!is.na(airquality$Ozone)], 4),
                 hist_case(faithful$eruptions), hist_case(precip))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), "test/reference/fixtures/kernels.json")
