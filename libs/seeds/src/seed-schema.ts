import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { CATEGORIES, DIRECTIONS, EFFECTIVENESS, POLICY_AREAS, STRATEGY_REVISIONS } from '@kensho/review';

/** A value read from the source, and whether it was printed ('inferred': read from text; 'unknown': lost). */
const PROVENANCES = ['inferred', 'unknown'];

function IsRichTextOrNull() {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isRichTextOrNull',
      target: target.constructor,
      propertyName: property,
      options: { message: `${property} must be null or an array of paragraph/list blocks` },
      validator: {
        validate: (value: unknown) =>
          value === null ||
          (Array.isArray(value) &&
            value.every(
              (b) =>
                (b?.kind === 'paragraph' && typeof b.text === 'string') ||
                (b?.kind === 'list' && Array.isArray(b.items) && b.items.every((i: unknown) => typeof i === 'string')),
            )),
      },
    });
}

const NullableAmount = () => (target: object, property: string) => {
  ValidateIf((o) => o[property] !== null)(target, property);
  IsInt()(target, property);
  Min(0)(target, property);
};

export class SourceRefSeed {
  @IsInt() @Min(1) block!: number;
  @IsInt() @Min(1) firstLine!: number;
  @IsInt() @Min(1) lastLine!: number;
}

export class CategorySeed {
  @ValidateIf((o) => o.value !== null) @IsIn(CATEGORIES as string[]) value!: string | null;
  @IsIn(PROVENANCES) provenance!: 'inferred' | 'unknown';
  @ValidateIf((o) => o.evidence !== null) @IsString() evidence!: string | null;
}

export class CityTickSeed {
  @ValidateIf((o) => o.value !== null) @IsBoolean() value!: boolean | null;
  @IsIn(PROVENANCES) provenance!: 'inferred' | 'unknown';
}

export class ImplementingBodySeed {
  @ValidateNested() @Type(() => CityTickSeed) city!: CityTickSeed;
  @ValidateIf((o) => o.other !== null) @IsString() @IsNotEmpty() other!: string | null;
}

export class FundingSeed {
  @NullableAmount() nationalPrefectural!: number | null;
  @NullableAmount() municipalBonds!: number | null;
  @NullableAmount() other!: number | null;
  @NullableAmount() generalFund!: number | null;
}

export class FinanceSeed {
  @NullableAmount() budget!: number | null;
  @NullableAmount() settlement!: number | null;
  @ValidateNested() @Type(() => FundingSeed) funding!: FundingSeed;
  @ValidateIf((o) => o.note !== null) @IsString() note!: string | null;
}

export class StrategyKpiSeed {
  @IsString() @IsNotEmpty() name!: string;
  @ValidateIf((o) => o.printedShare !== null) @IsInt() @Min(1) printedShare!: number | null;
  @ValidateIf((o) => o.target !== null) @IsString() target!: string | null;
  @ValidateIf((o) => o.targetPeriod !== null) @IsString() targetPeriod!: string | null;
  @ValidateIf((o) => o.actual !== null) @IsString() actual!: string | null;
  @ValidateIf((o) => o.actualPeriod !== null) @IsString() actualPeriod!: string | null;
}

export class PlanKpiSeed {
  @IsString() @IsNotEmpty() name!: string;
  @ValidateIf((o) => o.printedShare !== null) @IsInt() @Min(1) printedShare!: number | null;
  @ValidateIf((o) => o.targetThisYear !== null) @IsString() targetThisYear!: string | null;
  @ValidateIf((o) => o.targetLaterYear !== null) @IsString() targetLaterYear!: string | null;
  @Matches(/^平成\d+年度目標値$/) laterYearLabel!: string;
  @ValidateIf((o) => o.actualThisYear !== null) @IsString() actualThisYear!: string | null;
}

class ChoiceSeed {
  @IsIn(PROVENANCES) provenance!: 'inferred' | 'unknown';
  @IsString() @IsNotEmpty() reason!: string;
}
export class EffectivenessSeed extends ChoiceSeed {
  @ValidateIf((o) => o.value !== null) @IsIn(EFFECTIVENESS as string[]) value!: string | null;
}
export class DirectionSeed extends ChoiceSeed {
  @ValidateIf((o) => o.value !== null) @IsIn(DIRECTIONS as string[]) value!: string | null;
}
export class StrategyRevisionSeed extends ChoiceSeed {
  @ValidateIf((o) => o.value !== null) @IsIn(STRATEGY_REVISIONS as string[]) value!: string | null;
}

export class EvaluationSeed {
  @ValidateNested() @Type(() => EffectivenessSeed) effectiveness!: EffectivenessSeed;
  @ValidateNested() @Type(() => DirectionSeed) direction!: DirectionSeed;
  @ValidateNested() @Type(() => StrategyRevisionSeed) strategyRevision!: StrategyRevisionSeed;
  @IsString() inferenceNotes!: string;
}

/** One 事業評価シート as transcribed from the source (seeds/FORMAT.md). */
export class SheetSeed {
  @ValidateNested() @Type(() => SourceRefSeed) source!: SourceRefSeed;
  @Equals(2016) fiscalYear!: number;
  @Matches(/^\d-\d{2}$/) projectCode!: string;
  @IsString() @IsNotEmpty() projectName!: string;
  @IsString() @IsNotEmpty() department!: string;
  @IsArray() @ArrayMinSize(1) @IsIn(POLICY_AREAS as string[], { each: true }) policyAreas!: string[];
  @ValidateNested() @Type(() => CategorySeed) category!: CategorySeed;
  @ValidateNested() @Type(() => ImplementingBodySeed) implementingBody!: ImplementingBodySeed;
  @IsRichTextOrNull() summary!: unknown;
  @ValidateNested() @Type(() => FinanceSeed) finance!: FinanceSeed;
  @IsRichTextOrNull() implementation!: unknown;
  @IsRichTextOrNull() effect!: unknown;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StrategyKpiSeed) strategyKpis!: StrategyKpiSeed[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => PlanKpiSeed) planKpis!: PlanKpiSeed[];
  @ValidateNested() @Type(() => EvaluationSeed) evaluation!: EvaluationSeed;
}

export class DepartmentSeed {
  @IsString() @IsNotEmpty() name!: string;
  @Matches(/^[a-z]+$/) slug!: string;
}

export class StrategyKpiMasterSeed {
  @Matches(/^sk-\d{2}$/) id!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsArray() @IsInt({ each: true }) printedShares!: number[];
  @IsArray() @Matches(/^\d-\d{2}$/, { each: true }) projects!: string[];
}

export class NormalisationSeed {
  @IsString() @IsNotEmpty() kind!: string;
  @IsString() @IsNotEmpty() original!: string;
  @IsString() @IsNotEmpty() normalised!: string;
  @IsArray() @IsString({ each: true }) where!: string[];
  @IsString() @IsNotEmpty() why!: string;
}

export class NumericalGoalSeed {
  @IsString() @IsNotEmpty() id!: string;
  @IsString() @IsNotEmpty() measure!: string;
  @IsString() target!: string;
  @IsString() targetPeriod!: string;
  @IsString() actual!: string;
  @ValidateIf((o) => o.actualPeriod !== null) @IsString() actualPeriod!: string | null;
  @IsBoolean() lowerIsBetter!: boolean;
  @IsOptional() @ValidateIf((o) => o.note !== null) @IsString() note?: string | null;
}

export class MeasureSeed {
  @IsString() @IsNotEmpty() name!: string;
  @IsArray() @IsString({ each: true }) subMeasures!: string[];
}

export class BasicDirectionSeed {
  @IsString() @IsNotEmpty() name!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MeasureSeed) measures!: MeasureSeed[];
}

export class PolicyAreaSeed {
  @IsIn(POLICY_AREAS as string[]) code!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => NumericalGoalSeed) numericalGoals!: NumericalGoalSeed[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => BasicDirectionSeed) basicDirections!: BasicDirectionSeed[];
}

export class PeriodSeed {
  @IsInt() from!: number;
  @IsInt() to!: number;
}

/** 総合戦略: policy areas, numerical goals, the measure tree, the strategy KPI master. */
export class StrategySeed {
  @IsString() @IsNotEmpty() name!: string;
  @ValidateNested() @Type(() => PeriodSeed) period!: PeriodSeed;
  @IsArray() @ValidateNested({ each: true }) @Type(() => PolicyAreaSeed) policyAreas!: PolicyAreaSeed[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => StrategyKpiMasterSeed) strategyKpis!: StrategyKpiMasterSeed[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => NormalisationSeed) normalisations!: NormalisationSeed[];
}
