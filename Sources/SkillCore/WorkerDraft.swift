import Foundation

/// The worker form as typed: raw strings, validated all at once into a `Worker`.
public struct WorkerDraft: Sendable, Equatable {
    public var id: String
    public var name: String
    public var phone: String
    public var hukouRegion: String
    public var rural: Bool
    public var residence: String
    /// Place of job-seeking or work (求职就业地), a region code like `hukouRegion`.
    public var workRegion: String
    public var employment: EmploymentStatus
    public var employer: String
    public var employerCode: String
    public var pension: Bool
    /// Insured in unemployment insurance.
    public var unemploymentInsured: Bool
    public var groups: [TargetGroup]
    public var disability: Disability
    public var relativeOf: String

    public init(id: String = "", name: String = "", phone: String = "", hukouRegion: String = "",
                rural: Bool = false, residence: String = "", employment: EmploymentStatus = .other,
                employer: String = "", employerCode: String = "", pension: Bool = false,
                groups: [TargetGroup] = [], disability: Disability = .none, relativeOf: String = "",
                unemploymentInsured: Bool = false, workRegion: String = "") {
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
        self.groups = groups
        self.disability = disability
        self.relativeOf = relativeOf
    }

    /// The form for editing a stored worker.
    public init(worker w: Worker) {
        self.init(id: w.id.value, name: w.name.value, phone: w.phone?.value ?? "",
                  hukouRegion: w.hukouRegion ?? "", rural: w.rural, residence: w.residence ?? "",
                  employment: w.employment, employer: w.employer ?? "",
                  employerCode: w.employerCode?.value ?? "", pension: w.pension, groups: w.groups,
                  disability: w.disability, relativeOf: w.relativeOf?.value ?? "",
                  unemploymentInsured: w.unemploymentInsured, workRegion: w.workRegion ?? "")
    }

    /// Sets a free-text field by name (forms and imports fill fields one by one). Fields that
    /// are not text (check boxes, choices) are left alone.
    public mutating func setText(_ field: WorkerField, _ text: String) {
        switch field {
        case .id: id = text
        case .name: name = text
        case .phone: phone = text
        case .hukouRegion: hukouRegion = text
        case .residence: residence = text
        case .workRegion: workRegion = text
        case .employer: employer = text
        case .employerCode: employerCode = text
        case .relativeOf: relativeOf = text
        case .rural, .employment, .pension, .unemploymentInsured, .groups, .disability: break
        }
    }

    /// Checks every field and reports all errors, one per field. Optional fields left blank
    /// become nil; free text is sanitised (see `UnsafeText.sanitise`) before its length is checked.
    public func validate(today: CalendarDate, regions: RegionTable = .shared) -> Result<Worker, WorkerValidation> {
        // What an input method types in full-width form (３２０１…, １３８…, Ｘ) is read as ASCII in
        // every field of digits or codes, here, once, for the TUI, the CLI and the import (issue 12).
        var draft = self
        draft.id = HalfWidth.ascii(id); draft.phone = HalfWidth.ascii(phone)
        draft.hukouRegion = HalfWidth.ascii(hukouRegion); draft.employerCode = HalfWidth.ascii(employerCode)
        draft.workRegion = HalfWidth.ascii(workRegion)
        draft.relativeOf = HalfWidth.ascii(relativeOf)
        return draft.validateFolded(today: today, regions: regions)
    }

    private func validateFolded(today: CalendarDate, regions: RegionTable) -> Result<Worker, WorkerValidation> {
        var errors: [WorkerField: FieldError] = [:]

        let id: ResidentID? = capture(ResidentID.parse(self.id, today: today, regions: regions),
                                      .id, FieldError.residentID, &errors)
        let name: PersonName? = capture(PersonName.parse(self.name), .name, FieldError.name, &errors)
        let phone: MobilePhone? = blank(self.phone) ? nil
            : capture(MobilePhone.parse(self.phone), .phone, FieldError.phone, &errors)

        let hukou = self.hukouRegion.trimmedWhitespace()
        if !hukou.isEmpty && regions.regions(hukou).isEmpty { errors[.hukouRegion] = .region(hukou) }
        let work = self.workRegion.trimmedWhitespace()
        if !work.isEmpty && regions.regions(work).isEmpty { errors[.workRegion] = .workRegion(work) }

        let residence = UnsafeText.sanitise(self.residence)
        if residence.count > Worker.maxResidence { errors[.residence] = .tooLong(max: Worker.maxResidence) }
        let employer = UnsafeText.sanitise(self.employer)
        if employer.count > Worker.maxEmployer { errors[.employer] = .tooLong(max: Worker.maxEmployer) }

        let code: CreditCode? = blank(self.employerCode) ? nil
            : capture(CreditCode.parse(self.employerCode), .employerCode, FieldError.creditCode, &errors)
        if !blank(self.employerCode) && employer.isEmpty && errors[.employer] == nil {
            errors[.employer] = .employerCodeWithoutEmployer
        }

        var relative: ResidentID?
        if !blank(self.relativeOf) {
            relative = capture(ResidentID.parse(self.relativeOf, today: today, regions: regions),
                               .relativeOf, FieldError.residentID, &errors)
            if let r = relative, r == id { errors[.relativeOf] = .relativeIsSelf }
        }

        guard errors.isEmpty, let id, let name else { return .failure(WorkerValidation(errors: errors)) }
        return .success(Worker(
            id: id, name: name, phone: phone, hukouRegion: hukou.isEmpty ? nil : hukou, rural: rural,
            residence: residence.isEmpty ? nil : residence, employment: employment,
            employer: employer.isEmpty ? nil : employer, employerCode: code, pension: pension,
            groups: TargetGroup.sorted(groups), disability: disability, relativeOf: relative,
            unemploymentInsured: unemploymentInsured, workRegion: work.isEmpty ? nil : work))
    }

    /// The free-text fields from which validation drops invisible characters (bidi, zero-width,
    /// controls), with how many: the form notes them beside the field and the CLI prints them.
    public func removedInvisible() -> [WorkerField: Int] {
        var out: [WorkerField: Int] = [:]
        for (f, text) in [(WorkerField.residence, residence), (.employer, employer)] {
            let n = UnsafeText.removedBySanitising(text)
            if n > 0 { out[f] = n }
        }
        return out
    }

    private func blank(_ s: String) -> Bool {
        s.trimmedWhitespace().isEmpty
    }

    private func capture<T, E: Error>(_ r: Result<T, E>, _ field: WorkerField, _ wrap: (E) -> FieldError,
                                      _ errors: inout [WorkerField: FieldError]) -> T? {
        switch r {
        case .success(let v): return v
        case .failure(let e): errors[field] = wrap(e); return nil
        }
    }
}
