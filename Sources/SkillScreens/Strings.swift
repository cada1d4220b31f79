import SkillCore

/// Every text a screen shows, in both languages. Screens never write a user-facing string
/// inline: they name a key here (or get a message from the layer that produced it).
public enum S: CaseIterable, Sendable {
    case appName, login, home, workers, newWorker, editWorker, workerDetail
    case userName, password, loginHint, loginEmpty
    case menuWorkers, menuNewWorker, menuVerifyAudit, menuLogout, menuExit
    case loggedInAs, database, policy, today
    case search, searchHint, workersCount, pageOf, noWorkers, options, optionsHint, typeOptions
    case colOpt, colID, colName, colSex, colBorn, colPhone, colGroups
    case keyHelp, keyExit, keyBack, keyRefresh, keyNew, keySearch, keyMore, keyCancel, keySave, keyList
    case keyNextField, keyEdit, keyOpen, keyConfirm, keyToggle, keyPrevPage, keyLogout, keyScroll
    case sexBorn, fromID, rural, pensionYes, insuredYes, f4Choose, noneDash
    case saved, updated, existsTitle, existsMessage, open, stay, discardTitle, discardMessage, discard, keepEditing
    case fixErrors, history, historyEmpty, auditOK, auditBroken, tooSmall, readOnly, chooseGroups
    case chooseEmployment, chooseDisability, helpTitle, helpWorkers, helpForm, helpOther, close
    case optionUnknown, notPermittedNew, unknownRegion, auditReasonHash, auditReasonChain, auditReasonGap
    case idPartialOK, idComplete, searchLabel, databaseLabel, actionRegistered, actionEdited
    // The catalogue screens (occupations, institutions).
    case occupations, occupationDetail, institutions, institutionDetail, menuOccupations, menuInstitutions
    case colCode, colOccupation, colSubsidised, colShortage, colAccess, colLevels, colPeriod
    case colInstitution, colKind, colGrade, colCatalogue, colStatus, colMayTrain
    case check, occupationsCount, institutionsCount, asOfDay, noOccupations, noInstitutions
    case occupationSearchHint, institutionSearchHint, viewOptionsHint, viewOptionUnknown
    case helpOccupations, helpInstitutions, levelShort, levelLong, yes, no
    case fieldCode, fieldName, fieldSubsidised, fieldShortage, fieldAccess, fieldTier, fieldPeriod, fieldLevels
    case fieldOtherPeriods, fieldKind, fieldGrade, fieldCatalogue, fieldStatus, fieldStatusReason, fieldStatusDate
    case asOfInvalid, keyAsOf, asOfChanged
    case fieldMayTrain, openEnded, notInForce, actionAdded, actionSuspended, actionReinstated, actionDisqualified
    // The worker's training archive (电子档案).
    case archive, keyArchive, archiveClasses, archiveCertificates, archiveTotal, archiveNoClasses, archiveNoCertificates
    case colArcOccupation, colArcLevel, colArcType, colArcDates, colArcHours, colArcDone
    case colCertType, colCertNumber, colCertOccupation, colCertIssued, colCertIssuer, colCertClass, helpArchive
    // Training classes and the attendance grid.
    case classes, menuClasses, classesCount, noClasses, classSearchHint, helpClasses
    case colClassID, colLevel, colType, colDates, colPlanned, colRoster, colTrainee, colCounted, colDone
    case gridTitle, attendanceRule, keyDup, keyNextCell, keyMove, hoursInvalid, noTrainees, helpGrid
    // Opening a class, enrolling, status steps (the clerk's class screens).
    case newClass, classFieldInstitution, classFieldOccupation, classFieldLevel, classFieldType, classFieldStart
    case classFieldEnd, classFieldHours, classNeedValue, classNoInstitution, classInstitutionInactive, classNoOccupation
    case classMayNotTrain, classMayNotTrainLevel, classBadLevel, classBadDate, classEndBeforeStart, classBadHours
    case classDateHint, classFormHint, classListEmpty, classFieldError, classOpened, helpClassForm, helpClassesManage
    case notPermittedClass, keyEnrol, stepStart, stepComplete, stepClose, stepTitle, stepMessage, stepCloseFinal
    case stepDone, classNoNextStep, enrolTitle, enrolHint, enrolledCount, alreadyEnrolled, noTraineesEnrol, helpGridManage

    // Certificates in the TUI (the certificate form, the archive's ⚠ and scrolling).
    case keySuspend, keyReinstate, keyDisqualify, suspendTitle, disqualifyTitle, reasonHint, reasonRequired
    case reinstateTitle, reinstateMessage, disqualifyConfirmTitle, disqualifyConfirmMessage, standingChanged
    case helpInstitutionsManage, actionOccupationClose
    case claimChooseKind, claimChooseClass, claimChooseCertificate, claimNoCertificate, claimMonths, claimMonthsHint
    case claimPercent, claimPercentHint, claimNumberRequired, claimEvaluation, claimClassNumber, keyClause
    case keyReevaluate, helpEvaluation, evaluatedAgain, noClauseText, claimEligible, claimNotEligible, claimAmount
    case claimPayee, claimOnClass, claimOnCertificate, claimProfileLine, clauseTitle, keyEvaluate
    case newCertificate, keyNewCertificate, certHolder, certType, certNumber, certOccupation, certLevel
    case certIssueDate, certIssuer, certClass, certNoLevel, certChooseType, certChooseLevel, certChooseOccupation
    case certChooseClass, certNoClass, certTypeRequired, certNumberRequired, certLevelRequired, certDateInvalid
    case certOccupationRequired, certOccupationUnknown, certSaved, certSavedWarn, helpCertForm
    case archivePosition, archiveWarnLegend, certDateHint
    // The claims workflow (list, detail, home lines, saving from the evaluation).
    case keySaveDraft, keySubmit, keySubmitDisabled, claimRulesFail, claimAlreadySaved, claimAlreadySubmitted, claimDraftSaved, claimSubmitRefused
    case claimSubmitted, myClaims, claimQueue, payableClaims, keyKind, keyWarnings, keyStatus, keyMinAmount
    case helpClaimList, helpPayable, allKinds, minAmountTitle, minAmountHint, minAmountInvalid, rejectCancelled, rejectReasonTitle
    case rejectCodeTitle, approveConfirm, approveWarnedSkipped, approveTitle, approveButton, approvedCount, rejectedCount, skippedClaim
    case filterLabel, onlyWarnings, colClaimNumber, colAge, colClaimKind, colAmount, colWarnings, noClaims
    case claimOptionsHint, claimDetail, keyObject, keyApprove, keyReturn, keyReject, helpClaimDetail, objectionTitle
    case approveNoteTitle, approveNoteHint, returnTitle, claimNowStatus, claimWorker, claimAttendanceLine, claimPreparedBy, claimSubmittedBy
    case claimDecidedBy, claimNote, claimRejectCode, claimReason, claimNoticeLine, claimCreated, homeMine, homeQueue
    case homeQueueEmpty, homePayable, homeFund, skippedWarned, keyInstitution, institutionFilterTitle, institutionFilterHint, keyClassClaims, classClaimsTitle, classClaimsCreated, classClaimsSkipped

    // Issue 5 (notice helper): the notice list, clawback and recovery on the claim, the worker's
    // bank account, the working calendar.
    case menuNoticeList, noticeListCount, noNotices, colNoticeStart, colNoticeEnd, colDaysLeft, helpNoticeList
    case keyClawback, keyRecover, clawbackTitle, clawbackConfirmTitle, clawbackConfirm, clawbackButton
    case recoverTitle, recoverHint, recoverInvalid, recoverNotPositive, recoverTooMuch, recoverConfirmTitle
    case recoverConfirm, recoverButton, recoverPartDone, claimClawbackLine, actionRecoverPart, cancelledNothing
    case helpClaimDetailMoney, helpClaimListStatus
    case keyBankAccount, fieldBankAccount, bankNone, bankTitle, bankHint, bankSaved, helpWorkerDetail
    case menuCalendar, calendarYear, calendarCount, calendarEmpty, colDate, colWeekday, colDayKind, colDayName
    case keyYear, keySetDay, keyRemoveDay, calDateTitle, calDateHint, calDateInvalid, calKindTitle, calNameTitle
    case calNameHint, calSaved, calRemoveTitle, calRemoveConfirm, calRemoveButton, calRemoved, calNothingSelected
    case weekdayNames, helpCalendar, helpCalendarManage, actionBatch

    public func text(_ lang: Lang) -> String {
        let (zh, en) = Self.table[self]!
        return lang == .zh ? zh : en
    }

    static let table: [S: (String, String)] = [
        .appName: ("SkillDesk", "SkillDesk"),
        .login: ("登录", "Log in"),
        .home: ("主页", "Home"),
        .workers: ("劳动者", "Workers"),
        .newWorker: ("登记劳动者", "New worker"),
        .editWorker: ("修改劳动者", "Edit worker"),
        .workerDetail: ("劳动者详情", "Worker"),
        .userName: ("用户名", "User name"),
        .password: ("密码", "Password"),
        .loginHint: ("输入用户名和密码，按 Enter 登录", "Type your user name and password, then press Enter"),
        .loginEmpty: ("请输入用户名和密码", "Type a user name and a password"),
        .menuWorkers: ("劳动者查询", "Find workers"),
        .menuNewWorker: ("登记劳动者", "Register a worker"),
        .menuVerifyAudit: ("校验审计链", "Verify the audit trail"),
        .menuLogout: ("注销", "Log out"),
        .menuExit: ("退出", "Exit"),
        .loggedInAs: ("当前用户", "Logged in as"),
        .database: ("数据库", "Database"),
        .policy: ("政策方案", "Policy"),
        .today: ("业务日期", "Business date"),
        .search: ("查询", "Search"),
        .searchHint: ("身份证号前缀、姓名任意部分或手机号", "ID prefix, any part of a name, or a phone number"),
        .workersCount: ("名劳动者", "workers"),
        .pageOf: ("第 %d 页", "page %d"),
        .noWorkers: ("没有符合条件的劳动者", "No worker matches"),
        .options: ("选项", "Options"),
        .optionsHint: ("选项：2=修改  5=查看  6=培训档案", "Options: 2=Edit  5=View  6=Archive"),
        .typeOptions: ("输入选项后按 Enter", "Type options, press Enter"),
        .colOpt: ("选项", "Opt"),
        .colID: ("身份证号", "Resident ID"),
        .colName: ("姓名", "Name"),
        .colSex: ("性别", "Sex"),
        .colBorn: ("出生日期", "Born"),
        .colPhone: ("手机号", "Phone"),
        .colGroups: ("重点群体", "Groups"),
        .keyHelp: ("帮助", "Help"),
        .keyExit: ("退出", "Exit"),
        .keyBack: ("返回", "Back"),
        .keyRefresh: ("刷新", "Refresh"),
        .keyNew: ("新增", "New"),
        .keySearch: ("查询", "Search"),
        .keyMore: ("下一页", "More"),
        .keyPrevPage: ("上一页", "Back page"),
        .keyCancel: ("取消", "Cancel"),
        .keySave: ("保存", "Save"),
        .keyList: ("列表", "List"),
        .keyNextField: ("下一项", "Next field"),
        .keyEdit: ("修改", "Edit"),
        .keyOpen: ("打开", "Open"),
        .keyConfirm: ("确认", "Confirm"),
        .keyToggle: ("勾选", "Toggle"),
        .keyLogout: ("注销", "Log out"),
        .keyScroll: ("滚动", "Scroll"),
        .sexBorn: ("性别 / 出生日期", "Sex / born"),
        .fromID: ("（由身份证号得出）", "(from the ID)"),
        .rural: ("农村户籍", "rural"),
        .pensionYes: ("是", "yes"),
        .insuredYes: ("是", "yes"),
        .f4Choose: ("（F4 选择）", "(F4 to choose)"),
        .noneDash: ("—", "—"),
        .saved: ("已登记：%@", "Registered: %@"),
        .updated: ("已保存：%@", "Saved: %@"),
        .existsTitle: ("该身份证号已登记", "Already registered"),
        .existsMessage: ("%@ 已登记为 %@。打开已有记录吗？", "%@ is already registered as %@. Open that record?"),
        .open: ("打开", "Open"),
        .stay: ("留在此处", "Stay here"),
        .discardTitle: ("放弃修改？", "Discard changes?"),
        .discardMessage: ("表单有未保存的修改。", "The form has unsaved changes."),
        .discard: ("放弃", "Discard"),
        .keepEditing: ("继续编辑", "Keep editing"),
        .fixErrors: ("有字段不正确，未保存；请按提示修改", "Some fields are not valid; nothing was saved — fix the marked fields"),
        .history: ("修改记录", "History"),
        .historyEmpty: ("（无记录）", "(none)"),
        .auditOK: ("审计链完整：共 %d 条", "Audit trail intact: %d entries"),
        .auditBroken: ("审计链断裂：第 %d 条 — %@", "Audit trail broken at entry %d — %@"),
        .auditReasonHash: ("内容与哈希不符（被改动）", "its content no longer matches its hash (edited)"),
        .auditReasonChain: ("与上一条不衔接", "it does not chain to the entry before"),
        .auditReasonGap: ("之前有记录缺失", "entries before it are missing"),
        .tooSmall: ("终端太小：至少需要 80×24，当前 %d×%d。请放大窗口。", "Terminal too small: at least 80×24 is needed, this is %d×%d. Enlarge the window."),
        .readOnly: ("（不可修改）", "(cannot be changed)"),
        .chooseGroups: ("重点群体（空格勾选，Enter 确认）", "Target groups (Space toggles, Enter confirms)"),
        .chooseEmployment: ("就业状态", "Employment status"),
        .chooseDisability: ("残疾", "Disability"),
        .helpTitle: ("帮助", "Help"),
        .helpWorkers: ("输入即查询：身份证号前缀、姓名任意部分或手机号。↓ 进入列表，在“选项”列输入 5 查看、2 修改（可在多行输入），再按 Enter。",
                       "Search as you type: an ID prefix, any part of a name, or a phone number. ↓ moves into the list; type 5 (view) or 2 (edit) in the Opt column on one or more rows, then Enter."),
        .helpForm: ("Tab/Shift-Tab 或 ↑↓ 切换字段；F4 打开选择列表；空格切换勾选项；F2 或 Ctrl-S 保存；F3 返回；F12 取消。",
                    "Tab/Shift-Tab or ↑↓ move between fields; F4 opens the list of values; Space toggles check boxes; F2 or Ctrl-S saves; F3 goes back; F12 cancels."),
        .helpOther: ("字母快捷键：q 返回/退出，n 新增，r 刷新（输入框外）。", "Letter shortcuts where no field takes text: q back/exit, n new, r refresh."),
        .close: ("关闭", "Close"),
        .optionUnknown: ("选项 %@ 无效：请用 2（修改）、5（查看）或 6（培训档案）", "Option %@ is not valid here: use 2 (edit), 5 (view) or 6 (archive)"),
        .notPermittedNew: ("当前角色不能登记劳动者", "Your role may not register workers"),
        .unknownRegion: ("未知地区", "unknown region"),
        .idPartialOK: ("继续输入…", "keep typing…"),
        .idComplete: ("✓ 有效", "✓ valid"),
        .searchLabel: ("查询：", "Search: "),
        .databaseLabel: ("数据库：", "Database: "),
        .actionRegistered: ("登记", "registered"),
        .actionEdited: ("修改", "edited"),
        .occupations: ("职业目录", "Occupation catalogue"),
        .occupationDetail: ("职业", "Occupation"),
        .institutions: ("培训机构", "Training institutions"),
        .institutionDetail: ("培训机构", "Institution"),
        .menuOccupations: ("职业目录", "Occupation catalogue"),
        .menuInstitutions: ("培训机构", "Training institutions"),
        .colCode: ("代码", "Code"),
        .colOccupation: ("职业（工种）", "Occupation"),
        .colSubsidised: ("补贴", "Subs"),
        .colShortage: ("紧缺", "Shrt"),
        .colAccess: ("准入", "Acc"),
        .colLevels: ("等级：补贴标准/学时", "Levels: standard/hours"),
        .colPeriod: ("有效期", "In force"),
        .colInstitution: ("机构名称", "Institution"),
        .colKind: ("类型", "Kind"),
        .colGrade: ("信用", "Grade"),
        .colCatalogue: ("目录", "Cat."),
        .colStatus: ("状态", "Status"),
        .colMayTrain: ("可培训", "Trains"),
        .check: ("✓", "✓"),
        .occupationsCount: ("%d 个职业 · %@", "%d occupations · as of %@"),
        .institutionsCount: ("%d 家机构", "%d institutions"),
        .asOfDay: ("%@ 有效", "in force on %@"),
        .noOccupations: ("没有符合条件的职业", "No occupation matches"),
        .noInstitutions: ("没有符合条件的培训机构", "No institution matches"),
        .occupationSearchHint: ("职业代码前缀或名称任意部分", "a code prefix or any part of the name"),
        .institutionSearchHint: ("信用代码前缀或名称任意部分", "a credit code prefix or any part of the name"),
        .viewOptionsHint: ("选项：5=查看", "Options: 5=View"),
        .viewOptionUnknown: ("选项 %@ 无效：请用 5（查看）", "Option %@ is not valid here: use 5 (view)"),
        .helpOccupations: ("当日有效的职业目录；按 Tab 可输入其他日期（如 2024-03-01），查看当日有效的目录。输入即查询：职业代码前缀或名称任意部分。↓ 进入列表，在“选项”列输入 5 查看（可在多行输入），再按 Enter；或直接按 Enter 查看当前行。目录只能由管理员通过命令行维护。",
                           "The catalogue in force today; Tab lets you type another date (e.g. 2024-03-01) to see the catalogue in force then. Search as you type: a code prefix or any part of the name. ↓ moves into the list; type 5 (view) in the Opt column on one or more rows, then Enter — or just Enter on a row. Administrators maintain the catalogue on the command line."),
        .helpInstitutions: ("输入即查询：信用代码前缀或名称任意部分。↓ 进入列表，输入 5 或按 Enter 查看。列表只读：新增或导入机构请使用命令行（skilldesk institution add|import）；管理员在机构详情中暂停、恢复或取消资格。",
                            "Search as you type: a credit code prefix or any part of the name. ↓ moves into the list; 5 or Enter views a row. The list is read-only: adding or importing institutions is done on the command line (skilldesk institution add|import); an administrator suspends, reinstates or disqualifies one from its detail screen."),
        .levelShort: ("%@ %@/%dh", "%@ %@/%dh"),
        .levelLong: ("%@ %@  补贴标准 %@  标准学时 %d", "%@ %@  standard %@  %d hours"),
        .yes: ("是", "yes"),
        .no: ("否", "no"),
        .fieldCode: ("代码", "Code"),
        .fieldName: ("名称", "Name"),
        .fieldSubsidised: ("补贴性培训目录", "Subsidised training"),
        .fieldShortage: ("紧缺职业", "Shortage list"),
        .fieldAccess: ("准入类", "Access-controlled"),
        .fieldTier: ("产业层级", "Industry tier"),
        .fieldPeriod: ("有效期", "In force"),
        .fieldLevels: ("等级标准", "Levels"),
        .fieldOtherPeriods: ("各期目录", "All periods"),
        .fieldKind: ("机构类型", "Kind"),
        .fieldGrade: ("信用等级", "Credit grade"),
        .fieldCatalogue: ("列入目录", "In the catalogue"),
        .fieldStatus: ("状态", "Status"),
        .fieldStatusReason: ("状态原因", "Reason"),
        .fieldStatusDate: ("状态日期", "Since"),
        .fieldMayTrain: ("可培训职业及等级", "May train"),
        .openEnded: ("长期", "open-ended"),
        .notInForce: ("（今日不在目录中）", "(not in force today)"),
        .asOfInvalid: ("日期“%@”无效：请按 2025-06-02 的格式输入", "'%@' is not a date: type it as 2025-06-02"),
        .keyAsOf: ("日期", "Date"),
        .asOfChanged: ("显示 %@ 有效的目录", "Showing the catalogue in force on %@"),
        .actionAdded: ("新增", "added"),
        .actionSuspended: ("暂停", "suspended"),
        .actionReinstated: ("恢复", "reinstated"),
        .actionDisqualified: ("取消培训资格", "disqualified"),
        .archive: ("培训档案", "Training archive"),
        .keyArchive: ("档案", "Archive"),
        .archiveClasses: ("培训班（%d）", "Classes (%d)"),
        .archiveCertificates: ("证书（%d）", "Certificates (%d)"),
        .archiveTotal: ("累计计入学时：%@", "Counted hours in total: %@"),
        .archiveNoClasses: ("（无培训记录）", "(no classes)"),
        .archiveNoCertificates: ("（无证书）", "(no certificates)"),
        .colArcOccupation: ("职业", "Occupation"),
        .colArcLevel: ("等级", "Level"),
        .colArcType: ("培训类型", "Type"),
        .colArcDates: ("日期", "Dates"),
        .colArcHours: ("计入/计划", "Hours"),
        .colArcDone: ("达标", "Done"),
        .colCertType: ("证书类型", "Type"),
        .colCertNumber: ("证书编号", "Number"),
        .colCertOccupation: ("职业", "Occupation"),
        .colCertIssued: ("发证日期", "Issued"),
        .colCertIssuer: ("发证机构", "Issuer"),
        .colCertClass: ("培训班", "Class"),
        .helpArchive: ("培训档案：该劳动者参加的培训班、计入学时（线上学时按比例计入）、是否达标和所获证书；⚠ 标出有 W1 提示的证书。↑↓ PgUp/PgDn 滚动，F6 登记证书（经办人），F8 评估补贴（不保存），F5 刷新，F3 返回。",
                       "Training archive: the worker's classes, counted hours (online hours at the ratio), completion and certificates; ⚠ marks a certificate with a W1 warning. ↑↓ PgUp/PgDn scroll, F6 records a certificate (clerks), F8 evaluates a claim (nothing saved), F5 refreshes, F3 goes back."),
        .classes: ("培训班", "Training classes"),
        .menuClasses: ("培训班", "Training classes"),
        .classesCount: ("%d 个培训班", "%d classes"),
        .noClasses: ("（没有培训班）", "(no classes)"),
        .classSearchHint: ("班号、机构或职业名称", "class id, institution or occupation"),
        .helpClasses: ("培训班：输入查询，Enter 或选项 5 打开考勤表。", "Classes: type to search; Enter or option 5 opens the attendance grid."),
        .colClassID: ("班号", "Class"),
        .colLevel: ("等级", "Level"),
        .colType: ("类型", "Type"),
        .colDates: ("日期", "Dates"),
        .colPlanned: ("学时", "Hours"),
        .colRoster: ("人数", "Size"),
        .colTrainee: ("学员", "Trainee"),
        .colCounted: ("已计学时", "Counted"),
        .colDone: ("达标", "Done"),
        .gridTitle: ("培训班 %@（%@）· %@ %@ · %@ · %@ · 计划 %@ 学时", "Class %@ (%@) · %@ %@ · %@ · %@ · %@ h planned"),
        .attendanceRule: ("线上学时按 %d% 计 · 满 %@ 学时（%d%）即达标", "Online hours count %d% · completion at %@ h (%d%)"),
        .keyDup: ("复制上行", "Dup"),
        .keyNextCell: ("下一格", "Next cell"),
        .keyMove: ("移动", "Move"),
        .hoursInvalid: ("“%@”不是学时：请输入如 8、7.5 或 4+2（面授+线上）", "'%@' is not hours: type 8, 7.5 or 4+2 (classroom+online)"),
        .noTrainees: ("（花名册为空）", "(no trainees on the roster)"),
        .helpGrid: ("考勤表：输入当天学时后按 Enter 保存；4+2 = 面授 4 + 线上 2；F9 或 Ctrl-D 复制上一行。", "Attendance: type the day's hours and Enter stores them; 4+2 = 4 classroom + 2 online; F9 or Ctrl-D copies the cell above."),
        .newClass: ("开班", "Open a class"),
        .classFieldInstitution: ("培训机构", "Institution"),
        .classFieldOccupation: ("职业代码", "Occupation"),
        .classFieldLevel: ("等级", "Level"),
        .classFieldType: ("培训类型", "Training type"),
        .classFieldStart: ("开班日期", "Start date"),
        .classFieldEnd: ("结业日期", "End date"),
        .classFieldHours: ("计划学时", "Planned hours"),
        .classNeedValue: ("必填", "required"),
        .classNoInstitution: ("没有此信用代码的机构", "no institution has this credit code"),
        .classInstitutionInactive: ("机构已%@，不能开班", "the institution is %@: it may not open classes"),
        .classNoOccupation: ("职业目录中没有此代码", "not in the occupation catalogue"),
        .classMayNotTrain: ("该机构不能培训此职业", "the institution may not train this occupation"),
        .classMayNotTrainLevel: ("该机构不能培训此等级", "the institution may not train this level"),
        .classBadLevel: ("等级无效：如 L4 或 中级工", "not a level: e.g. L4 or intermediate"),
        .classBadDate: ("日期无效：YYYY-MM-DD", "not a date: YYYY-MM-DD"),
        .classEndBeforeStart: ("早于开班日期", "before the start date"),
        .classBadHours: ("应为 1–5000 的整数", "a whole number from 1 to 5000"),
        .classDateHint: ("YYYY-MM-DD", "YYYY-MM-DD"),
        .classFormHint: ("F4 列出可选值：机构只列正常状态的，职业和等级只列该机构可培训的。", "F4 lists the values: active institutions; the occupations and levels the institution may train."),
        .classListEmpty: ("没有可选值：请先选择培训机构（和职业）", "Nothing to choose: choose the institution (and occupation) first"),
        .classFieldError: ("%@：%@；未保存", "%@: %@; nothing was saved"),
        .classOpened: ("已开班：培训班 %@", "class %@ opened"),
        .helpClassForm: ("开班：填写机构信用代码、职业代码、等级（L4 或 中级工）、培训类型、开班和结业日期（YYYY-MM-DD）与计划学时。F4 在机构、职业、等级、类型字段上列出可选值。F2 保存后打开该班考勤表。",
                         "Open a class: the institution's credit code, the occupation code, the level (L4 or 中级工), the training type, start and end dates (YYYY-MM-DD) and planned hours. F4 lists the values on the institution, occupation, level and type fields. F2 saves and opens the class's attendance grid."),
        .helpClassesManage: ("F6 开班（新建培训班）。", "F6 opens a new class."),
        .notPermittedClass: ("当前角色不能管理培训班（只读）", "Your role may not manage classes (read-only)"),
        .keyEnrol: ("报名", "Enrol"),
        .stepStart: ("开班", "Start"),
        .stepComplete: ("结业", "Complete"),
        .stepClose: ("关闭", "Close"),
        .stepTitle: ("%@？", "%@ the class?"),
        .stepMessage: ("培训班 %@ 将由“%@”改为“%@”。", "Class %@ moves from %@ to %@."),
        .stepCloseFinal: ("关闭后考勤不能再修改，也不能再报名。", "Once closed, attendance is final and no one can be enrolled."),
        .stepDone: ("培训班 %@ 现为“%@”", "class %@ is now %@"),
        .classNoNextStep: ("培训班 %@ 已是“%@”，没有下一步", "class %@ is %@: there is no next step"),
        .enrolTitle: ("报名：培训班 %@", "Enrol in class %@"),
        .enrolHint: ("身份证号，可多个，用空格或逗号分隔；Enter 报名，F12 取消", "Resident IDs, separated by spaces or commas; Enter enrols, F12 cancels"),
        .enrolledCount: ("已报名 %d 人", "%d enrolled"),
        .alreadyEnrolled: ("；已在花名册：%@", "; already on the roster: %@"),
        .noTraineesEnrol: ("（花名册为空：按 F6 报名）", "(no trainees on the roster: F6 enrols workers)"),
        .helpGridManage: ("F6 报名（输入一个或多个身份证号）；F8 将培训班推进一步：计划 → 开班中 → 已结业 → 已关闭（先确认）。考勤只能在开班中和已结业时登记。",
                          "F6 enrols workers (one or more resident IDs); F8 moves the class one step: planned → running → completed → closed (after a confirmation). Attendance is taken while running or completed."),
        // An institution's standing in the TUI (administrator).
        .keySuspend: ("暂停", "Suspend"),
        .keyReinstate: ("恢复", "Reinstate"),
        .keyDisqualify: ("取消资格", "Disqualify"),
        .suspendTitle: ("暂停 %@：原因", "Suspend %@: reason"),
        .disqualifyTitle: ("取消资格 %@（不可恢复）：原因", "Disqualify %@ (final): reason"),
        .reasonHint: ("写明原因，将记入审计记录；Enter 确定，F12 取消", "State the reason; it goes into the audit trail. Enter confirms, F12 cancels"),
        .reasonRequired: ("须填写原因", "A reason is required"),
        .reinstateTitle: ("恢复？", "Reinstate?"),
        .reinstateMessage: ("%@ 将恢复为正常，可以再开班。", "%@ becomes active again and may open classes."),
        .disqualifyConfirmTitle: ("取消资格？", "Disqualify?"),
        .disqualifyConfirmMessage: ("%@ 将被取消资格，不能再开班，也不能恢复。", "%@ will be disqualified: no more classes, and it cannot be reinstated."),
        .standingChanged: ("%@ 现为“%@”", "%@ is now %@"),
        .helpInstitutionsManage: ("管理员：F8 暂停或恢复机构（暂停须写原因），F9 取消资格（须写原因，不可恢复）；每次变更都记入审计记录。", "Administrator: F8 suspends or reinstates the institution (a suspension needs a reason), F9 disqualifies it (a reason; final). Every change goes into the audit trail."),
        .actionOccupationClose: ("设定截止日期", "period closed"),
        // Claim evaluation (F8 on the worker's archive).
        .claimChooseKind: ("评估补贴：选择补贴类别", "Evaluate a claim: choose the subsidy kind"),
        .claimChooseClass: ("依据的培训班", "The class it rests on"),
        .claimChooseCertificate: ("依据的证书", "The certificate it rests on"),
        .claimNoCertificate: ("（不指定证书）", "(no certificate)"),
        .claimMonths: ("以工代训月数", "Months of training through work"),
        .claimMonthsHint: ("申请的月数（整数，按政策不超过上限）；Enter 确定，F12 取消", "Months claimed (a whole number within the policy's cap); Enter confirms, F12 cancels"),
        .claimPercent: ("预付比例（%）", "Prepayment percent"),
        .claimPercentHint: ("预付占应补总额的百分比（整数，按政策不超过 50）；Enter 确定", "Percent of the expected subsidy paid in advance (a whole number, at most the policy's 50); Enter confirms"),
        .claimNumberRequired: ("请输入整数", "Type a whole number"),
        .claimEvaluation: ("补贴评估", "Claim evaluation"),
        .claimClassNumber: ("培训班 %@", "class %@"),
        .keyClause: ("条款", "Clause"),
        .keyReevaluate: ("重新评估", "Re-evaluate"),
        .keyEvaluate: ("评估补贴", "Evaluate claim"),
        .helpEvaluation: ("补贴评估（不保存）：金额及其算法、依据，然后是全部规则——未通过的在前，其次是提示，再次是通过和不适用的，每条注明政策条款。↑↓ 选择规则，F4 或 Enter 查看条款原文，F5 按最新数据重新评估。",
                          "Claim evaluation (nothing is saved): the amount and how it was computed, what it rests on, then every rule — failures first, then warnings, passes and rules that do not apply — each with its clause. ↑↓ choose a rule, F4 or Enter shows the clause's text, F5 evaluates again on the latest data."),
        .evaluatedAgain: ("已按最新数据重新评估", "Evaluated again on the latest data"),
        .noClauseText: ("%@ 没有可显示的条款原文", "%@ has no clause text to show"),
        .claimEligible: ("可以申报", "may be submitted"),
        .claimNotEligible: ("不能申报：%@ 未通过", "may not be submitted: %@ failed"),
        .claimAmount: ("金额", "Amount"),
        .claimPayee: ("收款方：%@", "payee: %@"),
        .claimOnClass: ("培训班：", "Class: "),
        .claimOnCertificate: ("证书：", "Certificate: "),
        .claimProfileLine: ("政策：%@ %@ · 评估日期 %@", "Policy: %@ %@ · as of %@"),
        .clauseTitle: ("条款 %@", "Clause %@"),
        // Certificates in the TUI (the certificate form, the archive's ⚠ and scrolling).
        .newCertificate: ("登记证书", "New certificate"),
        .keyNewCertificate: ("登记证书", "New certificate"),
        .certHolder: ("持证人", "Holder"),
        .certType: ("证书类型", "Type"),
        .certNumber: ("证书编号", "Number"),
        .certOccupation: ("职业（工种）", "Occupation"),
        .certLevel: ("等级", "Level"),
        .certIssueDate: ("发证日期", "Issue date"),
        .certIssuer: ("发证机构", "Issuing body"),
        .certClass: ("培训班", "Class"),
        .certNoLevel: ("（此类证书不注明等级）", "(this type states no level)"),
        .certChooseType: ("选择证书类型", "Choose the certificate type"),
        .certChooseLevel: ("选择等级", "Choose the level"),
        .certChooseOccupation: ("选择职业", "Choose the occupation"),
        .certChooseClass: ("选择培训班", "Choose the class"),
        .certNoClass: ("（不关联培训班）", "(no class)"),
        .certTypeRequired: ("请选择证书类型（F4）", "choose the type (F4)"),
        .certNumberRequired: ("请填写证书编号（1–64 个字符）", "enter the number (1–64 characters)"),
        .certLevelRequired: ("此类证书须注明等级（F4）", "this type states a level: choose it (F4)"),
        .certDateInvalid: ("请按 YYYY-MM-DD 填写日期", "type the date as YYYY-MM-DD"),
        .certOccupationRequired: ("请填写职业编码（F4 选择）", "enter the occupation code (F4 to choose)"),
        .certOccupationUnknown: ("目录中没有此职业编码", "no such code in the catalogue"),
        .certSaved: ("已登记证书 %@", "Certificate %@ recorded"),
        .certSavedWarn: ("已登记 %@ ⚠ %@", "Recorded %@ ⚠ %@"),
        .helpCertForm: ("登记证书：F4 选择类型、职业、等级和培训班；只有职业资格证书和职业技能等级证书注明等级。F2 或 Ctrl-S 保存，F3 返回，F12 取消。同一编号已登记在他人名下或发证日期早于开班日期时仍保存，并提示 W1。",
                        "New certificate: F4 chooses the type, occupation, level and class; only vocational qualifications and skill-level certificates state a level. F2 or Ctrl-S saves, F3 goes back, F12 cancels. A number already held by another worker, or a date before the class started, is stored with a W1 warning."),
        .archivePosition: ("%d–%d / %d", "%d–%d / %d"),
        .archiveWarnLegend: ("⚠ %@：%@", "⚠ %@: %@"),
        .certDateHint: ("YYYY-MM-DD", "YYYY-MM-DD"),
        .keySaveDraft: ("存为草稿", "Save draft"),
        .keySubmit: ("提交", "Submit"),
        .keySubmitDisabled: ("提交（不可用：%@）", "Submit (disabled: %@)"),
        .claimRulesFail: ("%@ 未通过", "%@ fails"),
        .claimAlreadySaved: ("已存为申请 %@", "Already saved as claim %@"),
        .claimAlreadySubmitted: ("该申请已提交", "The claim is already submitted"),
        .claimDraftSaved: ("已存为草稿 %@，金额 %@", "Saved as draft %@, %@"),
        .claimSubmitRefused: ("不能提交：%@；请补正后按 F5 重新评估", "Cannot submit: %@; correct it and press F5 to evaluate again"),
        .claimSubmitted: ("已提交 %@，金额 %@，等待审核", "Submitted %@, %@, for review"),
        .myClaims: ("我的申请", "My claims"),
        .claimQueue: ("待审核", "Claims queue"),
        .payableClaims: ("待支付", "Payable claims"),
        .keyKind: ("类别", "Kind"),
        .keyWarnings: ("仅看警示", "Warnings only"),
        .keyStatus: ("状态", "Status"),
        .keyMinAmount: ("最低金额", "Min amount"),
        .helpClaimList: ("申请列表：按提交时间由早到晚。F4 按补贴类别筛选，F6 按培训机构（统一社会信用代码），F7 只看有警示的申请，F9 最低金额，F8（我的申请）切换草稿/退回/已提交。选项栏：5=查看；审核人员 1=批准、4=驳回，可标记多行后按一次 Enter：批准只确认一次，有警示的申请不批量批准（须逐个打开审核）；驳回只问一次原因代码和说明。", "Claims, oldest submission first. F4 filters by kind, F6 by institution (credit code), F7 shows only claims with warnings, F9 sets a minimum amount, F8 (my claims) steps through drafts/returned/submitted. Options: 5=view; supervisors 1=approve, 4=reject — mark several rows, then one Enter: approvals are confirmed once and a claim with a warning is never approved in a batch (open it); rejections ask one reason code and text."),
        .helpPayable: ("待支付的申请（只读）。支付批次、导出银行文件和对账在命令行办理：skilldesk payment batch|export|reconcile。", "Payable claims (read-only). Payment batches, bank files and reconciliation are done on the command line: skilldesk payment batch|export|reconcile."),
        .allKinds: ("全部类别", "All kinds"),
        .minAmountTitle: ("最低金额（元，留空取消）", "Minimum amount (yuan; empty clears)"),
        .minAmountHint: ("例如 1000 或 1000.50", "e.g. 1000 or 1000.50"),
        .minAmountInvalid: ("金额应为元，如 1000.50", "An amount in yuan, such as 1000.50"),
        .rejectCancelled: ("已取消驳回，未作改动", "Rejection cancelled; nothing changed"),
        .rejectReasonTitle: ("驳回说明（%d 个申请）", "Reason for rejecting (%d claims)"),
        .rejectCodeTitle: ("驳回原因代码（%d 个申请）", "Reason code for rejecting (%d claims)"),
        .approveConfirm: ("批准 %d 个申请，共 %@？", "Approve %d claims, %@?"),
        .approveWarnedSkipped: ("%d 个有警示的申请不批量批准，请逐个打开审核", "%d claims with warnings are not approved in a batch; open each one"),
        .approveTitle: ("批量批准", "Approve claims"),
        .approveButton: ("批准", "Approve"),
        .approvedCount: ("已批准 %d 个", "Approved %d"),
        .rejectedCount: ("已驳回 %d 个", "Rejected %d"),
        .skippedClaim: ("；跳过 %@：%@", "; skipped %@: %@"),
        .filterLabel: ("筛选：", "Filter: "),
        .onlyWarnings: ("仅有警示", "warnings only"),
        .colClaimNumber: ("申请编号", "Claim"),
        .colAge: ("天数", "Days"),
        .colClaimKind: ("补贴类别", "Kind"),
        .colAmount: ("金额", "Amount"),
        .colWarnings: ("警示", "Warn"),
        .noClaims: ("没有符合条件的申请", "No claims match"),
        .claimOptionsHint: ("选项：1=批准  4=驳回  5=查看", "Options: 1=Approve  4=Reject  5=View"),
        .claimDetail: ("补贴申请", "Claim"),
        .keyObject: ("公示异议", "Objection"),
        .keyApprove: ("批准", "Approve"),
        .keyReturn: ("退回", "Return"),
        .keyReject: ("驳回", "Reject"),
        .helpClaimDetail: ("申请详情：劳动者、培训班与考勤、证书、金额及计算、每条规则的结果、经办与审核、公示和历史。审核人员对已提交的申请：F8 批准（可写意见）、F9 退回（须写原因）、F10 驳回（原因代码和说明）；经办人员：F10 提交草稿或退回的申请，F7 登记公示异议。不能审核自己经办的申请。", "Claim: worker, class and attendance, certificate, amount and computation, every rule, who prepared and decided it, the notice and the history. Supervisors on a submitted claim: F8 approve (optional note), F9 return (reason), F10 reject (code and text); clerks: F10 submits a draft or returned claim, F7 records an objection. Nobody decides a claim they prepared."),
        .objectionTitle: ("公示异议：原因", "Objection: reason"),
        .approveNoteTitle: ("批准：意见（可不填）", "Approve: note (optional)"),
        .approveNoteHint: ("Enter 批准，F12 取消", "Enter approves, F12 cancels"),
        .returnTitle: ("退回修改：原因", "Return for correction: reason"),
        .claimNowStatus: ("%@ 现为：%@", "%@ is now: %@"),
        .claimWorker: ("劳动者：", "Worker: "),
        .claimAttendanceLine: ("计入学时 %@/%@，出勤 %d 天", "Counted hours %@/%@, %d days attended"),
        .claimPreparedBy: ("经办：%@ %@", "Prepared: %@ %@"),
        .claimSubmittedBy: ("提交：%@ %@", "Submitted: %@ %@"),
        .claimDecidedBy: ("审核：%@ %@", "Decided: %@ %@"),
        .claimNote: ("意见：", "Note: "),
        .claimRejectCode: ("驳回原因：", "Reject code: "),
        .claimReason: ("理由：", "Reason: "),
        .claimNoticeLine: ("公示：%@ 至 %@", "On notice: %@ to %@"),
        .claimCreated: ("新建", "created"),
        .homeMine: ("草稿 %d 个，退回 %d 个", "%d drafts, %d returned"),
        .homeQueue: ("%d 个，最早已等 %d 天", "%d, oldest %d days"),
        .homeQueueEmpty: ("%d 个", "%d"),
        .homePayable: ("%d 个，共 %@", "%d, %@ in all"),
        .homeFund: ("%d 年资金余额", "Fund balance %d"),
        .skippedWarned: ("有警示，不批量批准，请打开单独审核", "it has a warning; open it to approve it alone"),
        .keyInstitution: ("机构", "Institution"),
        .institutionFilterTitle: ("按培训机构筛选：统一社会信用代码（留空取消）", "Filter by institution: credit code (empty clears)"),
        .institutionFilterHint: ("18 位统一社会信用代码", "The 18-character unified social credit code"),
        .keyClassClaims: ("生成申请", "Claims"),
        .classClaimsTitle: ("培训班 %@ 的补贴申请", "Claims for class %@"),
        .classClaimsCreated: ("已生成 %d 个草稿申请：", "%d draft claims created:"),
        .classClaimsSkipped: ("跳过 %d 人：", "%d skipped:"),
        // Issue 5 (notice helper).
        .menuNoticeList: ("公示名单", "Notice list"),
        .noticeListCount: ("公示中 %d 个申请；剩余天数按工作日计（含今日）", "%d claims on notice; days left are working days, today included"),
        .noNotices: ("目前没有公示中的申请", "No claims are on notice"),
        .colNoticeStart: ("公示开始", "From"),
        .colNoticeEnd: ("公示截止", "Until"),
        .colDaysLeft: ("剩余", "Left"),
        .helpNoticeList: ("公示名单：已批准、正在公示的申请，姓名和身份证号按公示要求遮盖（张*伟、3201**********1234）。公示期按工作日历的工作日计算，剩余天数含今日；期满无异议的申请转为待支付（本屏打开和 F5 刷新时先办理期满）。Enter 打开申请；经办人员在申请里按 F7 登记异议。",
                          "Notice list: approved claims on public notice, names and IDs masked as published (张*伟, 3201**********1234). Notices run for working days on the working calendar; days left include today. Claims whose notice ended without objection become payable (done when this screen opens and on F5). Enter opens the claim; a clerk records an objection there with F7."),
        .keyClawback: ("追回", "Claw back"),
        .keyRecover: ("登记追回款", "Record recovery"),
        .clawbackTitle: ("追回已支付的补贴：原因", "Claw back a paid subsidy: reason"),
        .clawbackConfirmTitle: ("确认追回", "Claw back?"),
        .clawbackConfirm: ("追回 %@（%@）：%@ 记为应追回款；款项收回并登记后资金余额才恢复。", "Claw back %@ (%@): %@ becomes due; the fund balance grows only when the money is recorded as recovered."),
        .clawbackButton: ("追回", "Claw back"),
        .recoverTitle: ("登记追回款：金额（元）", "Record money recovered: amount (yuan)"),
        .recoverHint: ("留空 = 尚欠的全部 %@；可分次登记，如 500 或 500.50", "Empty = all still due, %@; part payments allowed, e.g. 500 or 500.50"),
        .recoverInvalid: ("金额应为元，最多两位小数，如 500 或 500.50", "An amount in yuan with at most two decimals, such as 500 or 500.50"),
        .recoverNotPositive: ("追回金额须大于 0", "The amount must be more than 0"),
        .recoverTooMuch: ("%@ 超过尚欠的 %@", "%@ is more than the %@ still due"),
        .recoverConfirmTitle: ("确认登记追回款", "Record the recovery?"),
        .recoverConfirm: ("登记收回 %@；尚欠 %@ → %@", "Record %@ recovered; still due %@ → %@"),
        .recoverButton: ("登记", "Record"),
        .recoverPartDone: ("%@ 已登记追回 %@，尚欠 %@", "%@: %@ recorded as recovered, %@ still due"),
        .claimClawbackLine: ("应追回 %@，已追回 %@，尚欠 %@", "Clawback due %@, recovered %@, still due %@"),
        .actionRecoverPart: ("登记部分追回款", "part of the clawback recovered"),
        .cancelledNothing: ("已取消，未作改动", "Cancelled; nothing changed"),
        .helpClaimDetailMoney: ("已支付的申请：审核人员按 F6 追回（须写原因并确认）。追回中的申请：财务人员按 F8 登记收回的款项（元；留空为尚欠的全部，也可分次登记），全部收回后状态为已追回。",
                                "A paid claim: supervisors claw it back with F6 (reason and confirmation). A claim in clawback: finance records money coming back with F8 (yuan; empty = all still due, or part of it); when all is back the claim is recovered."),
        .helpClaimListStatus: ("F8 切换状态：审核人员可查看已支付和追回中的申请（在申请里按 F6 追回），财务人员可查看追回中和已追回的申请（在申请里按 F8 登记追回款）。",
                               "F8 changes the status shown: supervisors also see paid claims and claims in clawback (F6 in a claim claws it back); finance also sees claims in clawback and recovered ones (F8 in a claim records a recovery)."),
        .keyBankAccount: ("银行账户", "Bank account"),
        .fieldBankAccount: ("银行账户", "Bank account"),
        .bankNone: ("未登记", "none on record"),
        .bankTitle: ("银行账户（补贴发放到此账户）", "Bank account (subsidies are paid into it)"),
        .bankHint: ("现为 %@；请输入完整卡号（可带空格）", "Now %@; type the whole number (spaces allowed)"),
        .bankSaved: ("%@ 的银行账户已登记为 %@", "%@'s bank account is now %@"),
        .helpWorkerDetail: ("劳动者详情：全部登记项、银行账户（只显示后 4 位）和修改记录。经办人员：F2 修改，F6 登记或更改银行账户（补贴按此账户发放，须完整卡号，系统校验位数和校验码）。F7 培训档案。",
                            "Worker: every field, the bank account (last 4 digits only) and the history. Clerks: F2 edits, F6 records or changes the bank account (subsidies are paid into it; the whole number, checked). F7 opens the training archive."),
        .menuCalendar: ("工作日历", "Working calendar"),
        .calendarYear: ("工作日历 · %d 年", "Working calendar · %d"),
        .calendarCount: ("%d 年：放假 %d 天，调休上班 %d 天；其余日期按周一至周五上班", "%d: %d days off, %d weekend working days; other days count Monday to Friday"),
        .calendarEmpty: ("%d 年没有日历条目：公示期将按周一至周五计算，节假日前后会不准", "No entries for %d: notices are counted Monday to Friday, wrong around holidays"),
        .colDate: ("日期", "Date"),
        .colWeekday: ("星期", "Day"),
        .colDayKind: ("类型", "Kind"),
        .colDayName: ("名称", "Name"),
        .keyYear: ("年份", "Year"),
        .keySetDay: ("设置日期", "Set a day"),
        .keyRemoveDay: ("删除", "Remove"),
        .calDateTitle: ("设置日期：哪一天", "Set a day: which date"),
        .calDateHint: ("YYYY-MM-DD，如 2026-10-01", "YYYY-MM-DD, e.g. 2026-10-01"),
        .calDateInvalid: ("请按 YYYY-MM-DD 填写一个存在的日期", "Type a real date as YYYY-MM-DD"),
        .calKindTitle: ("%@ 设为", "Make %@ a"),
        .calNameTitle: ("%@ %@：名称（可不填，最多 30 字）", "%@ %@: name (optional, at most 30 characters)"),
        .calNameHint: ("如 国庆节、国庆节调休", "e.g. 国庆节 (National Day)"),
        .calSaved: ("%@ 已设为：%@", "%@ is now: %@"),
        .calRemoveTitle: ("删除日历条目", "Remove the entry?"),
        .calRemoveConfirm: ("删除 %@（%@ %@）？此后按星期计算；已公示的申请不改截止日期。", "Remove %@ (%@ %@)? The day then counts by its weekday; notices already published keep their end date."),
        .calRemoveButton: ("删除", "Remove"),
        .calRemoved: ("已删除 %@，此日按星期计算", "Removed %@; the day counts by its weekday"),
        .calNothingSelected: ("这一年没有条目可删除", "This year has no entry to remove"),
        .actionBatch: ("编入付款批次", "put in a payment batch"),
        .weekdayNames: ("一,二,三,四,五,六,日", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"),
        .helpCalendar: ("工作日历：公示期按此日历的工作日计算。列出一年中的放假日和周末调休上班日；其余日期周一至周五为工作日。PgUp/PgDn 切换年份，↑↓ 选择。",
                        "Working calendar: notices are counted in its working days. It lists a year's days off and weekend working days; other days count Monday to Friday. PgUp/PgDn change the year, ↑↓ select."),
        .helpCalendarManage: ("管理员：F6 设置某一天（日期、放假或调休上班、名称；已有条目即修改），F8 删除所选条目（确认后）。每次修改都记入审计；已公示的申请不改截止日期。",
                              "Administrators: F6 sets a day (date, day off or weekend working day, name; an existing entry is changed), F8 removes the selected entry (after a confirmation). Every change is audited; notices already published keep their end date."),
    ]
}

extension Lang {
    /// `S.x.text(lang)` reads better at call sites as `lang[.x]`.
    public subscript(_ key: S) -> String { key.text(self) }

    /// Fills `%@` and `%d` placeholders in order (kept simple on purpose: no width flags).
    public func format(_ key: S, _ args: Any...) -> String {
        var out = ""
        var rest = Substring(key.text(self))
        var i = 0
        while let r = rest.range(of: "%@") ?? rest.range(of: "%d") {
            let at = [rest.range(of: "%@"), rest.range(of: "%d")].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound }!
            _ = r
            out += rest[..<at.lowerBound]
            out += i < args.count ? "\(args[i])" : ""
            i += 1
            rest = rest[at.upperBound...]
        }
        return out + rest
    }
}
