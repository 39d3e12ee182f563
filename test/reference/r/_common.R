# Shared helpers for the fixture scripts. Source from the repo root.
suppressPackageStartupMessages(library(jsonlite))

# Writes a data frame as test/reference/data/<name>.csv (no row names, NA as empty).
write_data <- function(df, name) {
  write.csv(df, file.path("test/reference/data", paste0(name, ".csv")), row.names = FALSE, na = "")
}

# Writes an R object as test/reference/fixtures/<name>.json (15 significant digits, NA/NaN/Inf as null).
write_fixture <- function(obj, name) {
  writeLines(toJSON(obj, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = TRUE),
             file.path("test/reference/fixtures", paste0(name, ".json")))
}

# A numeric value or NULL (JSON null) when not finite.
num <- function(x) if (length(x) == 1 && is.finite(x)) unname(x) else NULL
