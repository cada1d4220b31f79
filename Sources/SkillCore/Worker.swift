/// A worker (劳动者) in the real-name registry, identified by the resident ID (E1: 001 四(二)4;
/// 003 二(二)7). Only built by validating a `WorkerDraft`, or decoded from stored data.
public struct Worker: Hashable, Sendable, Codable {
    public var id: ResidentID
    public var name: PersonName
    public var phone: MobilePhone?
    /// Household registration (户籍地), a 6-digit GB/T 2260 code.
    public var hukouRegion: String?
    /// Rural household registration (农村户籍); matters for 两后生 and the living allowance.
    public var rural: Bool
    /// Usual residence (常住地), free text, sanitised, at most `Worker.maxResidence` characters.
    public var residence: String?
    /// Place of job-seeking or work (求职就业地), a 6-digit GB/T 2260 code; one of E10's three places.
    public var workRegion: String?
    public var employment: EmploymentStatus
    public var employer: String?
    public var employerCode: CreditCode?
    /// Draws a monthly pension: not eligible for training subsidies (E2).
    public var pension: Bool
    /// Insured in unemployment insurance (参加失业保险): whom the insured-employee upgrading subsidy is for.
    public var unemploymentInsured: Bool
    /// Sorted in declaration order, no duplicates.
    public var groups: [TargetGroup]
    public var disability: Disability
    /// The poor or severely disabled person whose benefits this worker shares as a direct relative (E11).
    public var relativeOf: ResidentID?

    public static let maxResidence = 100
    public static let maxEmployer = 100

    public init(id: ResidentID, name: PersonName, phone: MobilePhone? = nil, hukouRegion: String? = nil,
                rural: Bool = false, residence: String? = nil, employment: EmploymentStatus = .other,
                employer: String? = nil, employerCode: CreditCode? = nil, pension: Bool = false,
                groups: [TargetGroup] = [], disability: Disability = .none, relativeOf: ResidentID? = nil,
                unemploymentInsured: Bool = false, workRegion: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.hukouRegion = hukouRegion
        self.rural = rural
        self.residence = residence
        self.workRegion = workRegion
        self.employment = employment
        self.employer = employer
        self.employerCode = employerCode
        self.pension = pension
        self.unemploymentInsured = unemploymentInsured
        self.groups = TargetGroup.sorted(groups)
        self.disability = disability
        self.relativeOf = relativeOf
    }

    public var sex: Sex { id.sex }
    public var birthDate: CalendarDate { id.birthDate }
}
