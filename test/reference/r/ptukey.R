# Fixture for src/core/stats/ptukey.ts: R ptukey/qtukey on a grid. Run from the repo root: Rscript test/reference/r/ptukey.R
source("test/reference/r/_common.R")
grid <- expand.grid(q = c(0.1, 0.5, 1, 2, 3, 3.5, 4, 5, 7, 10), nmeans = c(2, 3, 5, 10, 20), df = c(2, 5, 10, 30, 120, 500, 3000, 30000))
grid$p <- ptukey(grid$q, grid$nmeans, grid$df)
grid$upper <- ptukey(grid$q, grid$nmeans, grid$df, lower.tail = FALSE)
qg <- expand.grid(p = c(0.5, 0.9, 0.95, 0.99, 0.999), nmeans = c(2, 3, 5, 10, 20), df = c(2, 5, 10, 30, 120, 1000, 30000))
qg$q <- qtukey(qg$p, qg$nmeans, qg$df)
write_fixture(list(r_version = R.version.string, ptukey = grid, qtukey = qg), "ptukey")
