-- SPDX-License-Identifier: GPL-2.0-or-later
-- National holidays and collective leave (cuti bersama) for 2026.
-- Source: Surat Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan
-- Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi
-- No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025.
-- Later years arrive with `ppid-console holidays import FILE`.
INSERT OR IGNORE INTO holidays (day, kind, name, source) VALUES
	('2026-01-01', 'national', 'Tahun Baru 2026 Masehi', 'SKB 3 Menteri 2025'),
	('2026-01-16', 'national', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 3 Menteri 2025'),
	('2026-02-16', 'leave', 'Cuti bersama Tahun Baru Imlek', 'SKB 3 Menteri 2025'),
	('2026-02-17', 'national', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 3 Menteri 2025'),
	('2026-03-18', 'leave', 'Cuti bersama Hari Suci Nyepi', 'SKB 3 Menteri 2025'),
	('2026-03-19', 'national', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'SKB 3 Menteri 2025'),
	('2026-03-20', 'leave', 'Cuti bersama Idul Fitri 1447 H', 'SKB 3 Menteri 2025'),
	('2026-03-21', 'national', 'Idul Fitri 1447 H', 'SKB 3 Menteri 2025'),
	('2026-03-22', 'national', 'Idul Fitri 1447 H', 'SKB 3 Menteri 2025'),
	('2026-03-23', 'leave', 'Cuti bersama Idul Fitri 1447 H', 'SKB 3 Menteri 2025'),
	('2026-03-24', 'leave', 'Cuti bersama Idul Fitri 1447 H', 'SKB 3 Menteri 2025'),
	('2026-04-03', 'national', 'Wafat Yesus Kristus', 'SKB 3 Menteri 2025'),
	('2026-04-05', 'national', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 3 Menteri 2025'),
	('2026-05-01', 'national', 'Hari Buruh Internasional', 'SKB 3 Menteri 2025'),
	('2026-05-14', 'national', 'Kenaikan Yesus Kristus', 'SKB 3 Menteri 2025'),
	('2026-05-15', 'leave', 'Cuti bersama Kenaikan Yesus Kristus', 'SKB 3 Menteri 2025'),
	('2026-05-27', 'national', 'Idul Adha 1447 H', 'SKB 3 Menteri 2025'),
	('2026-05-28', 'leave', 'Cuti bersama Idul Adha 1447 H', 'SKB 3 Menteri 2025'),
	('2026-05-31', 'national', 'Hari Raya Waisak 2570 BE', 'SKB 3 Menteri 2025'),
	('2026-06-01', 'national', 'Hari Lahir Pancasila', 'SKB 3 Menteri 2025'),
	('2026-06-16', 'national', 'Tahun Baru Islam 1448 H', 'SKB 3 Menteri 2025'),
	('2026-08-17', 'national', 'Hari Kemerdekaan Republik Indonesia', 'SKB 3 Menteri 2025'),
	('2026-08-25', 'national', 'Maulid Nabi Muhammad SAW', 'SKB 3 Menteri 2025'),
	('2026-12-24', 'leave', 'Cuti bersama Hari Raya Natal', 'SKB 3 Menteri 2025'),
	('2026-12-25', 'national', 'Hari Raya Natal', 'SKB 3 Menteri 2025');
