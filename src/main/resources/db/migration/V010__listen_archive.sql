-- Months of listens moved out of the database by the retention policy (see ListenArchiver):
-- each month's rows are in one gzip CSV file under <data-dir>/archive/listens/, and its partition
-- is gone. One row per month, written in the transaction that drops the partition, so a month is
-- archived at most once. The statistics (listen_totals, listen_stats_*, rollups) keep counting
-- the archived listens; only the per-listen reads (recently played, a track's plays) lose them.
create table listen_archives (
    month       date        primary key check (extract(day from month) = 1),
    file_name   text        not null unique check (file_name ~ '^listens_\d{4}_\d{2}\.csv\.gz$'),
    row_count   bigint      not null check (row_count >= 0),
    bytes       bigint      not null check (bytes >= 0),
    sha256      text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    archived_at timestamptz not null
);
