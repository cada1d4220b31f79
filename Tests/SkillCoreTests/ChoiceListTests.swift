import Testing
@testable import SkillCore

@Suite struct TargetGroupTests {
    @Test func codesAreStableAndInOrder() {
        #expect(TargetGroup.allCases.map(\.rawValue) == [
            "enterprise_employee", "rural_migrant", "new_gen_migrant", "school_leaver", "graduate",
            "unemployed", "transferring", "veteran", "employment_difficulty", "disabled",
            "low_income_rural", "dibao", "zero_employment_family", "poor_family_child", "farmer",
            "entrepreneur", "high_risk", "community_correction", "capacity_reduction", "dispatched",
            "local_talent",
        ])
        #expect(TargetGroup.dibao.label(.zh) == "城乡低保对象")
        #expect(TargetGroup.farmer.label(.zh) == "职业农民/农村实用人才")
        #expect(Set(TargetGroup.allCases.map { $0.label(.zh) }).count == 21)
        #expect(Set(TargetGroup.allCases.map { $0.label(.en) }).count == 21)
    }

    @Test func parsesCodesLabelsAndShortForms() {
        #expect(TargetGroup.parse("dibao") == .dibao)
        #expect(TargetGroup.parse(" Rural_Migrant ") == .ruralMigrant)
        #expect(TargetGroup.parse("new-gen-migrant") == .newGenMigrant)
        #expect(TargetGroup.parse("两后生") == .schoolLeaver)
        #expect(TargetGroup.parse("新生代农民工") == .newGenMigrant)
        #expect(TargetGroup.parse("农民工") == .ruralMigrant)
        #expect(TargetGroup.parse("低保") == .dibao)
        #expect(TargetGroup.parse("veteran") == .veteran)
        #expect(TargetGroup.parse("Veteran") == .veteran)
        #expect(TargetGroup.parse("职业农民/农村实用人才") == .farmer)
        #expect(TargetGroup.parse("student") == nil)
        #expect(TargetGroup.parse("") == nil)
        for g in TargetGroup.allCases {
            #expect(TargetGroup.parse(g.rawValue) == g)
            #expect(TargetGroup.parse(g.label(.zh)) == g)
            #expect(TargetGroup.parse(g.label(.en)) == g)
        }
    }

    @Test func parsesListsSortedAndUnique() {
        #expect(TargetGroup.parseList("低保；veteran,两后生、dibao，disabled;").success
            == [.schoolLeaver, .veteran, .disabled, .dibao])
        #expect(TargetGroup.parseList("").success == [])
        #expect(TargetGroup.parseList(" ; ").success == [])
        #expect(TargetGroup.parseList("veteran；学生").failure == .unknown("学生"))
        let m = TargetGroupError.unknown("学生").message(.en)
        #expect(m.contains("\"学生\"") && m.contains("dibao") && m.contains("local_talent"))
        #expect(TargetGroupError.unknown("学生").message(.zh).contains("城乡低保对象"))
    }
}

@Suite struct ChoiceTests {
    @Test func employmentStatus() {
        #expect(EmploymentStatus.allCases.map(\.rawValue)
            == ["employed_insured", "employed_uninsured", "unemployed", "graduate", "self_employed", "farmer", "other"])
        #expect(EmploymentStatus.parse("在职·参保失业保险") == .employedInsured)
        #expect(EmploymentStatus.parse("SELF_EMPLOYED") == .selfEmployed)
        #expect(EmploymentStatus.parse("登记失业") == .unemployed)
        #expect(EmploymentStatus.parse("retired") == nil)
        for s in EmploymentStatus.allCases { #expect(EmploymentStatus.parse(s.label(.zh)) == s) }
    }

    @Test func disability() {
        #expect(Disability.parse("重度残疾") == .severe)
        #expect(Disability.parse("nonsevere") == .nonsevere)
        #expect(Disability.parse("无") == Disability.none)
        #expect(Disability.parse("mild") == nil)
        #expect(Disability.severe.label(.zh) == "重度残疾")
    }

    @Test func sexLabels() {
        #expect(Sex.male.label(.zh) == "男")
        #expect(Sex.female.label(.zh) == "女")
        #expect(Sex.male.label(.en) == "M")
        #expect(Sex(rawValue: "F") == .female)
    }
}

@Suite struct RoleTests {
    @Test func permissionsPerRole() {
        let expected: [Role: Set<Permission>] = [
            .clerk: [.readWorkers, .registerWorker, .editWorker, .importWorkers, .readCatalogue, .readClasses, .manageClasses,
                     .prepareClaims],
            .supervisor: [.readWorkers, .readCatalogue, .readClasses, .decideClaims, .readAllClaims, .readReports, .readAnomalies],
            .finance: [.readWorkers, .readCatalogue, .readClasses, .payClaims, .readAllClaims, .readReports],
            .auditor: [.readWorkers, .readAudit, .verifyAudit, .readCatalogue, .readClasses, .readAllClaims, .readReports,
                       .readAnomalies],
            .admin: [.manageUsers, .readAudit, .verifyAudit, .readWorkers, .readCatalogue, .manageCatalogue, .readClasses,
                     .managePolicy, .manageFunds, .manageCalendar, .repairDatabase, .readReports, .manageReports],
        ]
        for role in Role.allCases {
            for p in Permission.allCases {
                #expect(role.allows(p) == expected[role]!.contains(p), "\(role) \(p)")
            }
        }
    }

    @Test func adminsDoNotRegisterWorkers() {
        #expect(!Role.admin.allows(.registerWorker))
        #expect(!Role.admin.allows(.importWorkers))
        #expect(!Role.clerk.allows(.manageUsers))
    }

    @Test func severalRolesCombine() {
        #expect(Role.allows([.admin, .clerk], .registerWorker))
        #expect(Role.allows([.admin, .clerk], .manageUsers))
        #expect(!Role.allows([.supervisor, .finance], .editWorker))
        #expect(!Role.allows([], .readWorkers))
    }

    @Test func labels() {
        #expect(Role.clerk.label(.zh) == "经办人")
        #expect(Role.supervisor.label(.zh) == "审核人")
        #expect(Role.parse("审计") == .auditor)
        #expect(Role.parse("ADMIN") == .admin)
    }
}
