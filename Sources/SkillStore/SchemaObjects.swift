// GENERATED from the migrations (Schema.migrator) — do not edit by hand.
// Regenerate: SKILLDESK_WRITE_SCHEMA_OBJECTS=1 swift test --skip-build --filter SchemaObjectsTests
// (SchemaObjectsTests fails while this list and the migrations differ.)

/// A trigger or index the migrations create, as sqlite_master holds it.
struct SchemaObject: Equatable, Sendable {
    var type: String
    var name: String
    var sql: String
}

enum SchemaObjects {
    static let expected: [SchemaObject] = [
        SchemaObject(type: "index", name: "attendance_worker_date", sql: #"""
            CREATE INDEX attendance_worker_date ON attendance(worker_id, date)
            """#),
        SchemaObject(type: "index", name: "audit_action", sql: #"""
            CREATE INDEX audit_action ON audit(action, seq)
            """#),
        SchemaObject(type: "index", name: "audit_entity", sql: #"""
            CREATE INDEX audit_entity ON audit(entity, key, seq)
            """#),
        SchemaObject(type: "index", name: "audit_one_successor", sql: #"""
            CREATE UNIQUE INDEX audit_one_successor ON audit(prev_hash)
            """#),
        SchemaObject(type: "index", name: "audit_user", sql: #"""
            CREATE INDEX audit_user ON audit(user, seq)
            """#),
        SchemaObject(type: "index", name: "certificates_class", sql: #"""
            CREATE INDEX certificates_class ON certificates(class_id, issue_date)
            """#),
        SchemaObject(type: "index", name: "certificates_issued", sql: #"""
            CREATE INDEX certificates_issued ON certificates(issue_date)
            """#),
        SchemaObject(type: "index", name: "certificates_worker", sql: #"""
            CREATE INDEX certificates_worker ON certificates(worker_id)
            """#),
        SchemaObject(type: "index", name: "claims_batch", sql: #"""
            CREATE INDEX claims_batch ON claims(batch_id)
            """#),
        SchemaObject(type: "index", name: "claims_certificate", sql: #"""
            CREATE INDEX claims_certificate ON claims(certificate_id)
            """#),
        SchemaObject(type: "index", name: "claims_class", sql: #"""
            CREATE INDEX claims_class ON claims(class_id)
            """#),
        SchemaObject(type: "index", name: "claims_decided", sql: #"""
            CREATE INDEX claims_decided ON claims(decided_at)
            """#),
        SchemaObject(type: "index", name: "claims_institution", sql: #"""
            CREATE INDEX claims_institution ON claims(institution, class_id)
            """#),
        SchemaObject(type: "index", name: "claims_notice", sql: #"""
            CREATE INDEX claims_notice ON claims(status, notice_end_on)
            """#),
        SchemaObject(type: "index", name: "claims_occupation", sql: #"""
            CREATE INDEX claims_occupation ON claims(occupation_code, status)
            """#),
        SchemaObject(type: "index", name: "claims_one_live", sql: #"""
            CREATE UNIQUE INDEX claims_one_live ON claims(worker_id, kind, class_id IS NULL, COALESCE(class_id, certificate_id))
                WHERE status NOT IN ('rejected', 'recovered', 'withdrawn')
            """#),
        SchemaObject(type: "index", name: "claims_paid_account", sql: #"""
            CREATE INDEX claims_paid_account ON claims(bank_account, claim_date, worker_id)
                WHERE payee = 'worker' AND bank_account IS NOT NULL
            """#),
        SchemaObject(type: "index", name: "claims_queue", sql: #"""
            CREATE INDEX claims_queue ON claims(status, submitted_at, id)
            """#),
        SchemaObject(type: "index", name: "claims_queue_institution", sql: #"""
            CREATE INDEX claims_queue_institution ON claims(status, institution, submitted_at, id)
            """#),
        SchemaObject(type: "index", name: "claims_queue_kind", sql: #"""
            CREATE INDEX claims_queue_kind ON claims(status, kind, submitted_at, id)
            """#),
        SchemaObject(type: "index", name: "claims_status", sql: #"""
            CREATE INDEX claims_status ON claims(status, created_at)
            """#),
        SchemaObject(type: "index", name: "claims_submitted_day", sql: #"""
            CREATE INDEX claims_submitted_day ON claims(COALESCE(submitted_on, date(submitted_at, '+8 hours')))
            """#),
        SchemaObject(type: "index", name: "claims_warned", sql: #"""
            CREATE INDEX claims_warned ON claims(COALESCE(submitted_on, substr(submitted_at, 1, 10)))
                WHERE warning_count > 0 OR evidence_changed = 1
            """#),
        SchemaObject(type: "index", name: "claims_worker", sql: #"""
            CREATE INDEX claims_worker ON claims(worker_id, claim_year)
            """#),
        SchemaObject(type: "index", name: "classes_end", sql: #"""
            CREATE INDEX classes_end ON classes(end_date, status)
            """#),
        SchemaObject(type: "index", name: "classes_institution", sql: #"""
            CREATE INDEX classes_institution ON classes(institution, start_date)
            """#),
        SchemaObject(type: "index", name: "enrolments_worker", sql: #"""
            CREATE INDEX enrolments_worker ON enrolments(worker_id)
            """#),
        SchemaObject(type: "index", name: "filed_reports_period", sql: #"""
            CREATE INDEX filed_reports_period ON filed_reports(kind, period, area, id)
            """#),
        SchemaObject(type: "index", name: "payment_batches_business_date", sql: #"""
            CREATE INDEX payment_batches_business_date ON payment_batches(business_date)
            """#),
        SchemaObject(type: "index", name: "payment_lines_claim", sql: #"""
            CREATE INDEX payment_lines_claim ON payment_lines(claim_id)
            """#),
        SchemaObject(type: "index", name: "workers_bank_account", sql: #"""
            CREATE INDEX workers_bank_account ON workers(bank_account) WHERE bank_account IS NOT NULL
            """#),
        SchemaObject(type: "index", name: "workers_name", sql: #"""
            CREATE INDEX workers_name ON workers(name)
            """#),
        SchemaObject(type: "index", name: "workers_phone", sql: #"""
            CREATE INDEX workers_phone ON workers(phone)
            """#),
        SchemaObject(type: "trigger", name: "attendance_delete_marks_claims", sql: #"""
            CREATE TRIGGER attendance_delete_marks_claims AFTER DELETE ON attendance BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE worker_id = OLD.worker_id AND class_id = OLD.class_id
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "attendance_insert_marks_claims", sql: #"""
            CREATE TRIGGER attendance_insert_marks_claims AFTER INSERT ON attendance BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE worker_id = NEW.worker_id AND class_id = NEW.class_id
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "attendance_update_marks_claims", sql: #"""
            CREATE TRIGGER attendance_update_marks_claims AFTER UPDATE ON attendance BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE worker_id = NEW.worker_id AND class_id = NEW.class_id
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "audit_clock_back_mark", sql: #"""
            CREATE TRIGGER audit_clock_back_mark AFTER INSERT ON audit
            WHEN NEW.at < (SELECT at FROM audit WHERE seq < NEW.seq ORDER BY seq DESC LIMIT 1) BEGIN
                INSERT OR IGNORE INTO audit_clock_back(seq) VALUES (NEW.seq);
            END
            """#),
        SchemaObject(type: "trigger", name: "audit_no_delete", sql: #"""
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END
            """#),
        SchemaObject(type: "trigger", name: "audit_no_update", sql: #"""
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END
            """#),
        SchemaObject(type: "trigger", name: "certificate_delete_marks_claims", sql: #"""
            CREATE TRIGGER certificate_delete_marks_claims AFTER DELETE ON certificates BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE worker_id = OLD.worker_id AND certificate_id = OLD.id
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "certificate_update_marks_claims", sql: #"""
            CREATE TRIGGER certificate_update_marks_claims AFTER UPDATE ON certificates BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE worker_id = OLD.worker_id AND certificate_id = OLD.id
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "claims_count_delete", sql: #"""
            CREATE TRIGGER claims_count_delete AFTER DELETE ON claims WHEN OLD.institution IS NOT NULL
            BEGIN
                UPDATE institution_claim_counts SET n = n - 1 WHERE institution = OLD.institution AND status = OLD.status;
            END
            """#),
        SchemaObject(type: "trigger", name: "claims_count_insert", sql: #"""
            CREATE TRIGGER claims_count_insert AFTER INSERT ON claims WHEN NEW.institution IS NOT NULL
            BEGIN
                INSERT INTO institution_claim_counts(institution, status, n) VALUES (NEW.institution, NEW.status, 1)
                ON CONFLICT(institution, status) DO UPDATE SET n = n + 1;
            END
            """#),
        SchemaObject(type: "trigger", name: "claims_count_update", sql: #"""
            CREATE TRIGGER claims_count_update AFTER UPDATE OF status, institution ON claims
            BEGIN
                UPDATE institution_claim_counts SET n = n - 1
                WHERE OLD.institution IS NOT NULL AND institution = OLD.institution AND status = OLD.status;
                INSERT INTO institution_claim_counts(institution, status, n)
                SELECT NEW.institution, NEW.status, 1 WHERE NEW.institution IS NOT NULL
                ON CONFLICT(institution, status) DO UPDATE SET n = n + 1;
            END
            """#),
        SchemaObject(type: "trigger", name: "class_marks_claims", sql: #"""
            CREATE TRIGGER class_marks_claims AFTER UPDATE ON classes
            WHEN OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date
                OR OLD.occupation_code IS NOT NEW.occupation_code OR OLD.level IS NOT NEW.level
                OR OLD.type IS NOT NEW.type OR OLD.institution IS NOT NEW.institution OR OLD.id IS NOT NEW.id BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE class_id = OLD.id
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "filed_reports_no_delete", sql: #"""
            CREATE TRIGGER filed_reports_no_delete BEFORE DELETE ON filed_reports
                BEGIN SELECT RAISE(ABORT, 'filed reports are never removed'); END
            """#),
        SchemaObject(type: "trigger", name: "filed_reports_no_update", sql: #"""
            CREATE TRIGGER filed_reports_no_update BEFORE UPDATE ON filed_reports
                BEGIN SELECT RAISE(ABORT, 'filed reports are never changed'); END
            """#),
        SchemaObject(type: "trigger", name: "meta_identity_no_delete", sql: #"""
            CREATE TRIGGER meta_identity_no_delete BEFORE DELETE ON meta
                WHEN OLD.key IN ('db_id', 'created_at', 'legacy_head')
                BEGIN SELECT RAISE(ABORT, 'the database id and creation time are fixed'); END
            """#),
        SchemaObject(type: "trigger", name: "meta_identity_no_update", sql: #"""
            CREATE TRIGGER meta_identity_no_update BEFORE UPDATE ON meta
                WHEN OLD.key IN ('db_id', 'created_at', 'legacy_head')
                BEGIN SELECT RAISE(ABORT, 'the database id and creation time are fixed'); END
            """#),
        SchemaObject(type: "trigger", name: "occupation_delete_marks_claims", sql: #"""
            CREATE TRIGGER occupation_delete_marks_claims AFTER DELETE ON occupations BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                    AND occupation_code = OLD.code AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "occupation_insert_marks_claims", sql: #"""
            CREATE TRIGGER occupation_insert_marks_claims AFTER INSERT ON occupations BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                    AND occupation_code = NEW.code AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "occupation_level_delete_marks_claims", sql: #"""
            CREATE TRIGGER occupation_level_delete_marks_claims AFTER DELETE ON occupation_levels BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                    AND occupation_code = (SELECT code FROM occupations WHERE id = OLD.occupation_id) AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "occupation_level_insert_marks_claims", sql: #"""
            CREATE TRIGGER occupation_level_insert_marks_claims AFTER INSERT ON occupation_levels BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                    AND occupation_code = (SELECT code FROM occupations WHERE id = NEW.occupation_id) AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "occupation_level_update_marks_claims", sql: #"""
            CREATE TRIGGER occupation_level_update_marks_claims AFTER UPDATE ON occupation_levels BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                    AND occupation_code IN (SELECT code FROM occupations WHERE id IN (OLD.occupation_id, NEW.occupation_id))
                    AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "occupation_update_marks_claims", sql: #"""
            CREATE TRIGGER occupation_update_marks_claims AFTER UPDATE ON occupations BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                    AND occupation_code IN (OLD.code, NEW.code) AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "policy_marks_claims", sql: #"""
            CREATE TRIGGER policy_marks_claims AFTER UPDATE ON settings
            WHEN NEW.key = 'policy' AND OLD.value IS NOT NEW.value BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted' AND evidence_changed = 0;
            END
            """#),
        SchemaObject(type: "trigger", name: "worker_profile_marks_claims", sql: #"""
            CREATE TRIGGER worker_profile_marks_claims AFTER UPDATE ON workers
            WHEN OLD.name IS NOT NEW.name OR OLD.groups IS NOT NEW.groups OR OLD.disability IS NOT NEW.disability
                OR OLD.unemployment_insured IS NOT NEW.unemployment_insured OR OLD.pension IS NOT NEW.pension
                OR OLD.hukou_region IS NOT NEW.hukou_region OR OLD.residence IS NOT NEW.residence
                OR OLD.employer_code IS NOT NEW.employer_code OR OLD.work_region IS NOT NEW.work_region
                OR OLD.id IS NOT NEW.id BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE worker_id IN (OLD.id, NEW.id)
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END
            """#),
    ]
}
